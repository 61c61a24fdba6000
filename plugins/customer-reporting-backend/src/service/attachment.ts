import { Response } from 'express';

/**
 * Marks a response as a file download named `filename`. The portal's
 * frontend calls the backend from another origin in development (and in
 * split deployments), where the browser hides every response header not
 * listed in Access-Control-Expose-Headers: without it the page cannot read
 * the file name and saves e.g. "license.yaml" for every customer.
 */
export function setAttachment(res: Response, filename: string): void {
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Access-Control-Expose-Headers', 'Content-Disposition');
}
