import { Response } from 'express';

/**
 * Marks an answer that carries a secret (a license ID, a signed license, a
 * one-time password) as never to be kept by browsers or proxies.
 */
export function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
}
