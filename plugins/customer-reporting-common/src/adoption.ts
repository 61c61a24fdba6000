import { AdoptionRange, AdoptionRangeValues } from './generated';

/**
 * Adoption ranges: the short ones in days, the long ones in weeks (Monday
 * 00:00 UTC). The answer's types (AppAdoption, AdoptionPoint, ...) are
 * generated from the spec. @public
 */
export const ADOPTION_RANGES = AdoptionRangeValues;
/** @public */
export type AdoptionRangeName = AdoptionRange;
