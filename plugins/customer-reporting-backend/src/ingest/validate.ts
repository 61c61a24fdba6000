/** One problem with one item of a request, as returned in 400 answers. */
export interface ValidationIssue {
  index: number | null;
  field: string;
  message: string;
}

/**
 * At most this many issues go into an answer: a batch of 1,000 bad items
 * would otherwise answer with a list larger than the batch.
 */
const MAX_ISSUES = 100;

/**
 * Thrown when a request fails validation: `issues` holds the first
 * {@link MAX_ISSUES} problems found, and the message counts them all.
 */
export class BatchValidationError extends Error {
  readonly name = 'InputError';
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    const more = issues.length - 5;
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
        more > 0
          ? ` (and ${more} more${
              issues.length > MAX_ISSUES
                ? `; the first ${MAX_ISSUES} are listed`
                : ''
            })`
          : ''
      }`,
    );
    this.issues = issues.slice(0, MAX_ISSUES);
  }
}
