import { ErrorRequestHandler } from 'express';
import { BatchValidationError } from '../ingest/validate';

/**
 * Answers request-shaped failures with the contract's JSON error body; every
 * other error goes on to Backstage's own handler (NotFoundError → 404, ...).
 */
export const requestErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (error instanceof BatchValidationError) {
    res.status(400).json({
      error: { name: 'InputError', message: error.message, issues: error.issues },
    });
    return;
  }
  // body-parser marks its own failures with a status and a type.
  if (error?.type === 'entity.too.large') {
    res.status(413).json({
      error: {
        name: 'PayloadTooLargeError',
        message: `Request body is larger than the limit of ${error.limit} bytes`,
      },
    });
    return;
  }
  if (typeof error?.type === 'string' && error.type.startsWith('entity.') || error?.type === 'encoding.unsupported' || error?.type === 'charset.unsupported') {
    res.status(error.status ?? 400).json({
      error: { name: 'InputError', message: `Request body could not be read: ${error.message}` },
    });
    return;
  }
  next(error);
};
