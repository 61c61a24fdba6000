/** One problem with one item of a request, as returned in 400 answers. */
export interface ValidationIssue {
  index: number | null;
  field: string;
  message: string;
}

/** Thrown when a request body fails validation; carries every issue found. */
export class BatchValidationError extends Error {
  readonly name = 'InputError';
  constructor(readonly issues: ValidationIssue[]) {
    super(
      `Invalid request: ${issues
        .slice(0, 5)
        .map(
          i =>
            `${i.index === null ? '' : `item ${i.index}: `}${i.field} ${
              i.message
            }`,
        )
        .join('; ')}${
        issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''
      }`,
    );
  }
}
