import { BatchValidationError, ValidationIssue } from '../validate';

/** The issues of the BatchValidationError that `fn` throws. */
export function thrownIssues(fn: () => unknown): ValidationIssue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof BatchValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a BatchValidationError');
}
