import express, { RequestHandler } from 'express';

/** The charset a Content-Type names, lowercase, if any. */
function charsetOf(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/;\s*charset\s*=\s*"?([^";\s]+)/i);
  return match?.[1].toLowerCase();
}

/**
 * A failure to read a body, typed as body-parser types its own, so that
 * requestErrorHandler answers it with the others (errorHandler.ts).
 */
function unreadableBody(message: string, status: number, type: string) {
  return Object.assign(new Error(message), { status, type });
}

/**
 * Bytes that are not UTF-8 are refused rather than stored as U+FFFD: what
 * was sent could not be read back.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A `\\u` escape in the surrogate range (D800–DFFF), in JSON text. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a parsed body holds a string (or key) with half a surrogate pair:
 * stored, it would come back as U+FFFD. Only bodies with such an escape
 * are walked; emoji written as escaped pairs are whole characters. The walk
 * is iterative: JSON.parse reads any depth, and a recursive walk of some
 * thousands of nested arrays ran out of stack (a 500).
 */
function hasLoneSurrogate(body: unknown): boolean {
  const stack = [body];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return true;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key)) return true;
        stack.push(item);
      }
    }
  }
  return false;
}

/** Whether the request carries a body, as body-parser (type-is) decides. */
function hasBody(req: express.Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    Number(req.headers['content-length'] ?? 0) > 0
  );
}

function unsupportedType(contentType: string | undefined) {
  return unreadableBody(
    `Content-Type must be application/json, ${
      contentType ? `not ${contentType}` : 'and none was sent'
    }`,
    415,
    'content-type.unsupported',
  );
}

/**
 * A body express.raw read: JSON text in UTF-8, the only encoding JSON
 * between systems may use (RFC 8259, 8.1). An empty body is `{}`, as
 * express.json has it; a leading byte order mark is skipped. Any JSON
 * value parses (express.json's strict mode refused all but objects and
 * arrays): the routes' schemas refuse what is not an object.
 */
const parseJson: RequestHandler = (req, _res, next) => {
  if (!Buffer.isBuffer(req.body)) {
    // A body of another type would reach the routes as no body at all,
    // and their validation would blame the missing fields instead.
    next(hasBody(req) ? unsupportedType(req.get('content-type')) : undefined);
    return;
  }
  const charset = charsetOf(req.get('content-type'));
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    // 415, as body-parser refused charsets other than UTF-*; UTF-16 and
    // UTF-32, which it decoded, are refused too.
    next(
      unreadableBody(
        `unsupported charset "${charset}"`,
        415,
        'charset.unsupported',
      ),
    );
    return;
  }
  let text: string;
  try {
    text = UTF8.decode(req.body).replace(/^\uFEFF/, '');
  } catch {
    next(
      unreadableBody('the body is not valid UTF-8', 400, 'entity.parse.failed'),
    );
    return;
  }
  try {
    req.body = text.length === 0 ? {} : JSON.parse(text);
  } catch (error) {
    next(unreadableBody((error as Error).message, 400, 'entity.parse.failed'));
    return;
  }
  next(
    SURROGATE_ESCAPE.test(text) && hasLoneSurrogate(req.body)
      ? unreadableBody(
          'a \\u escape names half of a UTF-16 surrogate pair alone, which is no character',
          400,
          'entity.parse.failed',
        )
      : undefined,
  );
};

/**
 * Parses JSON request bodies of at most `limit` bytes (413 beyond), gzip or
 * deflate compressed or not. Unlike express.json, which decodes the body
 * chunk by chunk into a string it then copies whole to check its first
 * character, the body is read as bytes and decoded once: the ingest then
 * allocated 5.2 instead of 5.6 KB per check-in (a heap profile at the
 * bench's M fleet), and every allocation brings the next garbage collection
 * nearer, which copies the batches still waiting on the database.
 */
export function jsonBody(limit: number): RequestHandler[] {
  return [express.raw({ type: 'application/json', limit }), parseJson];
}
