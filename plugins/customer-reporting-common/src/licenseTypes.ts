import { LicenseType, LicenseTypeValues } from './generated';

/** License types of a customer, as stored. Upstream `prod` is stored as `paid`. @public */
export const LICENSE_TYPES = LicenseTypeValues;

/** Human labels shown for each license type. @public */
export const LICENSE_TYPE_LABELS: Record<LicenseType, string> = {
  dev: 'Development',
  trial: 'Trial',
  paid: 'Paid',
  community: 'Community',
  test: 'Test',
};

/**
 * The label of a stored license type, for every place that shows one (pages,
 * every CSV); an unknown value is shown as it is. @public
 */
export function licenseTypeLabel(type: string): string {
  return LICENSE_TYPE_LABELS[type as LicenseType] ?? type;
}
