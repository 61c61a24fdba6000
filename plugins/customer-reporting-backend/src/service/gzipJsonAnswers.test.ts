import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { gunzipSync } from 'zlib';
import { backstageMiddleware } from '../__testUtils__/backstageMiddleware';
import { gzipJsonAnswers } from './gzipJsonAnswers';

const large = {
  items: Array.from({ length: 400 }, (_, i) => ({ id: `i-${i}`, up: i / 7 })),
};
const small = { status: 'ok' };

/** Backstage's compression middleware in front, as the backend has it. */
function app() {
  const middleware = backstageMiddleware();
  return express()
    .use(middleware.compression())
    .use(gzipJsonAnswers())
    .get('/large', (_req, res) => {
      res.json(large);
    })
    .get('/small', (_req, res) => {
      res.json(small);
    })
    .get('/typed', (_req, res) => {
      res.type('application/problem+json').json(large);
    });
}

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A GET through node:http, which (unlike supertest) sends no Accept-Encoding
 * of its own and hands over the bytes as they came.
 */
async function raw(
  path: string,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const server = app().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<RawAnswer>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers }, res => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        })
        .on('error', reject);
    });
  } finally {
    server.close();
  }
}

const gzip = { 'Accept-Encoding': 'gzip' };

describe('gzipJsonAnswers', () => {
  it('gzips a large answer once, at level 1, for a client accepting gzip', async () => {
    const res = await raw('/large', {
      'Accept-Encoding': 'gzip, deflate, br, zstd',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(res.body).toString('utf8'))).toEqual(large);
    // Level 1's deflate header (RFC 1950 FLEVEL is not in gzip; XFL = 4 is
    // "fastest algorithm", RFC 1952).
    expect(res.body[8]).toBe(4);
  });

  it('answers 304 to the ETag of the gzipped answer', async () => {
    const first = await raw('/large', gzip);
    const again = await raw('/large', {
      ...gzip,
      'If-None-Match': first.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
  });

  it('sends plain JSON to a client not accepting gzip', async () => {
    for (const acceptEncoding of [undefined, 'identity', 'gzip;q=0, br']) {
      const res = await raw(
        '/large',
        acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {},
      );
      expect(res.headers['content-encoding']).not.toBe('gzip');
      if (res.headers['content-encoding'] === 'br') continue;
      expect(JSON.parse(res.body.toString('utf8'))).toEqual(large);
    }
  });

  it('sends a small answer as it is', async () => {
    const res = await raw('/small', gzip);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString('utf8'))).toEqual(small);
  });

  it('keeps a content type the route set', async () => {
    const res = await raw('/typed', gzip);
    expect(res.headers['content-type']).toBe(
      'application/problem+json; charset=utf-8',
    );
    expect(JSON.parse(gunzipSync(res.body).toString('utf8'))).toEqual(large);
  });
});
