import { ErrorRequestHandler, Request, Response } from 'express';
import { isError } from '@backstage/errors';
import { BatchValidationError } from '../ingest/validate';
import { isDatabaseUnavailable } from './databaseUnavailable';
import {
  namedUnknownFields,
  readableTimeFormat,
  readableValidatorMessage,
} from './validatorMessages';

/** Backstage's standard error body, so `ResponseError` in clients reads it. */
function sendError(
  req: Request,
  res: Response,
  status: number,
  error: { name: string; message: string; issues?: unknown },
) {
  res.status(status).json({
    error,
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: status },
  });
}

/**
 * Backstage's error handler answers an error of class `DatabaseError`
 * (PostgreSQL's, from pg) with "An internal error occurred logId=…" and
 * logs it, because Knex puts the statement and its values in the message.
 * SQLite's `SqliteError` carries the same text and would be sent as it is:
 * this name makes the handler treat it the same way.
 */
class DatabaseError extends Error {
  constructor(cause: Error) {
    super(cause.message);
    this.name = 'DatabaseError';
    this.stack = cause.stack;
  }
}

/** By name: the driver may be loaded in another realm than this module (Jest). */
const isSqliteError = (error: unknown): error is Error =>
  isError(error) && error.name === 'SqliteError';

/** Failures to read a body that are the caller's fault (jsonBody, body-parser). */
const UNREADABLE_BODY_TYPES = new Set([
  'entity.parse.failed',
  'request.aborted',
  'request.size.invalid',
  'encoding.unsupported',
  'charset.unsupported',
  'content-type.unsupported',
]);

/**
 * A corrupt or truncated gzip/deflate body: body-parser passes zlib's own
 * error on (status 400, code Z_DATA_ERROR, Z_BUF_ERROR, …) with no type.
 */
function isUndecompressable(error: any): boolean {
  return (
    error?.status === 400 &&
    typeof error.code === 'string' &&
    error.code.startsWith('Z_')
  );
}

/**
 * Answers request-shaped failures (validation, body size, unreadable JSON
 * or compression) itself; every other error goes on to Backstage's own handler, which maps
 * NotFoundError to 404, NotAllowedError to 403 and so on.
 */
export const requestErrorHandler: ErrorRequestHandler = (
  error,
  req,
  res,
  next,
) => {
  if (error instanceof BatchValidationError) {
    sendError(req, res, 400, {
      name: 'InputError',
      message: error.message,
      issues: error.issues,
    });
  } else if (error?.type === 'entity.too.large') {
    sendError(req, res, 413, {
      name: 'PayloadTooLargeError',
      message: `Request body is larger than the limit of ${error.limit} bytes`,
    });
  } else if (isUndecompressable(error)) {
    sendError(req, res, 400, {
      name: 'InputError',
      message: `Request body could not be decompressed (${error.code}): ${error.message}`,
    });
  } else if (UNREADABLE_BODY_TYPES.has(error?.type)) {
    sendError(req, res, error.status ?? 400, {
      name: 'InputError',
      message: `Request body could not be read: ${error.message}`,
    });
  } else if (
    error?.name === 'InputError' &&
    typeof error.message === 'string' &&
    /must match pattern|must NOT have additional properties|must match format "date-time"/.test(
      error.message,
    )
  ) {
    // Backstage's request validation: in the spec's words, naming unknown
    // fields (`req.openapi` is the operation its validator matched).
    sendError(req, res, 400, {
      name: 'InputError',
      message: namedUnknownFields(
        readableTimeFormat(readableValidatorMessage(error.message), req.query),
        (req as { openapi?: { schema?: object } }).openapi?.schema,
        req.body,
      ),
    });
  } else if (
    error?.name === 'InputError' &&
    error.message === 'unsupported media type undefined'
  ) {
    // The validator's words for a required body that was not sent at all
    // (no body, so no Content-Type): say that the body is what is missing.
    sendError(req, res, 400, {
      name: 'InputError',
      message:
        'request/body is required: a JSON object (Content-Type: application/json)',
    });
  } else if (isDatabaseUnavailable(error)) {
    res.setHeader('Retry-After', '5');
    sendError(req, res, 503, {
      name: 'ServiceUnavailableError',
      message: 'The database is unavailable; nothing was stored, retry shortly',
    });
  } else if (isSqliteError(error)) {
    next(new DatabaseError(error));
  } else {
    next(error);
  }
};
