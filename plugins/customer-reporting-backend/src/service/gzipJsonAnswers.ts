import { RequestHandler } from 'express';
import { gzipSync } from 'node:zlib';

/** Below this, an answer goes out as it is (the compression middleware's own threshold). */
const MIN_GZIP_BYTES = 1024;

/**
 * Above this, an answer is left to Backstage's compression middleware, which
 * compresses in the thread pool: a synchronous gzip of a megabyte holds the
 * event loop for about a millisecond.
 */
const MAX_SYNC_GZIP_BYTES = 1024 * 1024;

/**
 * Makes `res.json` gzip the answer itself, at zlib level 1, when the client
 * accepts gzip. Backstage's compression middleware streams every answer
 * through a level-6 gzip (or brotli 4) in the thread pool, and leaves alone
 * an answer that already has a Content-Encoding. Measured on a 50-instance
 * customer report (79 KB of JSON): the middleware costs the backend about
 * 0.55 ms of CPU per answer, a sixth of the request; a level-1 gzip in place
 * takes 0.08 ms and gives 7.6 instead of 5.9 KB. Express then computes the
 * ETag over the 7.6 KB instead of the 79 KB, and still answers 304 to a
 * matching If-None-Match.
 */
export function gzipJsonAnswers(): RequestHandler {
  return (req, res, next) => {
    const json = res.json.bind(res);
    res.json = function gzippedJson(value: unknown) {
      const body = JSON.stringify(value);
      if (body === undefined) return json(value);
      // As express's res.json and res.send do for a string, which a
      // Buffer does not get: a JSON type unless the route chose one, in UTF-8.
      const type = res.get('Content-Type') ?? 'application/json';
      res.set(
        'Content-Type',
        /;\s*charset=/i.test(type) ? type : `${type}; charset=utf-8`,
      );
      if (
        body.length < MIN_GZIP_BYTES ||
        body.length > MAX_SYNC_GZIP_BYTES ||
        req.acceptsEncodings('gzip', 'identity') !== 'gzip'
      )
        return res.send(body);
      res.vary('Accept-Encoding');
      res.setHeader('Content-Encoding', 'gzip');
      return res.send(gzipSync(body, { level: 1 }));
    };
    next();
  };
}
