import express from 'express';
import request from 'supertest';
import { gzipSync } from 'zlib';
import { backstageMiddleware } from '../__testUtils__/backstageMiddleware';
import { requestErrorHandler } from './errorHandler';
import { jsonBody } from './jsonBody';

/** An app echoing the parsed body, with the plugin's and Backstage's error handlers. */
function echoApp(limit = 1000) {
  const middleware = backstageMiddleware();
  return express()
    .use(jsonBody(limit))
    .post('/', (req, res) => {
      res.json({ body: req.body ?? null });
    })
    .use(requestErrorHandler)
    .use(middleware.error());
}

/** A POST of the given content type, its body still to send. */
const post = (app: express.Express, contentType: string) =>
  request(app).post('/').set('Content-Type', contentType);

describe('jsonBody', () => {
  it('parses JSON, compressed or not, with or without a UTF-8 charset', async () => {
    const app = echoApp();
    const value = { name: 'Grüße', items: [1, 2] };
    const plain = await post(app, 'application/json').send(
      JSON.stringify(value),
    );
    expect(plain.body).toEqual({ body: value });
    const gzipped = await post(app, 'application/json; charset=UTF-8')
      .set('Content-Encoding', 'gzip')
      .serialize(bytes => bytes) // as they are, not as JSON
      .send(gzipSync(`\uFEFF${JSON.stringify(value)}`));
    expect(gzipped.body).toEqual({ body: value });
  });

  it('refuses a body of another content type, and takes an empty body as {}', async () => {
    const app = echoApp();
    const text = await post(app, 'text/plain').send('{"a":1}').expect(415);
    expect(text.body.error.message).toBe(
      'Request body could not be read: Content-Type must be application/json, not text/plain',
    );
    const none = await request(app)
      .post('/')
      .serialize(bytes => bytes)
      .send(Buffer.from('{"a":1}'))
      .expect(415);
    expect(none.body.error.message).toContain('and none was sent');
    // No body, no type needed (a POST that only names its target).
    const bare = await request(app).post('/').expect(200);
    expect(bare.body).toEqual({ body: {} });
    // Chunked, so the request has a body (of no bytes) to read.
    const empty = await post(app, 'application/json')
      .set('Transfer-Encoding', 'chunked')
      .send('');
    expect(empty.body).toEqual({ body: {} });
    const bomOnly = await post(app, 'application/json').send('\uFEFF');
    expect(bomOnly.body).toEqual({ body: {} });
  });

  it('names what is wrong with an unreadable body', async () => {
    const app = echoApp(100);
    const broken = await post(app, 'application/json')
      .send('{"checkIns": [')
      .expect(400);
    expect(broken.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^Request body could not be read: .*JSON/),
    });
    const latin1 = await post(app, 'application/json')
      .serialize(bytes => bytes)
      .send(Buffer.from('{"name":"Gr\u00fc\u00dfe"}', 'latin1'))
      .expect(400);
    expect(latin1.body.error.message).toBe(
      'Request body could not be read: the body is not valid UTF-8',
    );
    const lone = await post(app, 'application/json')
      .send('{"name":"Cust\\udc00One"}')
      .expect(400);
    expect(lone.body.error.message).toContain('surrogate pair alone');
    // However deep it sits: a recursive walk ran out of stack (a 500).
    const deep = await request(echoApp(1_000_000))
      .post('/')
      .set('Content-Type', 'application/json')
      .send(`${'['.repeat(20_000)}"\\udc00"${']'.repeat(20_000)}`)
      .expect(400);
    expect(deep.body.error.message).toContain('surrogate pair alone');
    // An emoji written as an escaped pair is a whole character.
    const pair = await post(app, 'application/json')
      .send('{"name":"\\ud83d\\ude00"}')
      .expect(200);
    expect(pair.body).toEqual({ body: { name: '\u{1F600}' } });
    const utf16 = await post(app, 'application/json; charset=utf-16le')
      .serialize(bytes => bytes)
      .send(Buffer.from('{}', 'utf16le'))
      .expect(415);
    expect(utf16.body.error.message).toBe(
      'Request body could not be read: unsupported charset "utf-16le"',
    );
    const big = await post(app, 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(200) }))
      .expect(413);
    expect(big.body.error.message).toBe(
      'Request body is larger than the limit of 100 bytes',
    );
  });
});
