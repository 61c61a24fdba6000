import { InstallAttemptStatus } from '@customer-reporting/plugin-customer-reporting-common';
import {
  ATTEMPT_STATUS_DISPLAY,
  NETWORK_MODE_LABELS,
  REGISTRY_LABELS,
} from '../CustomerReport/installSteps';

// The report's labels, so a status or step reads the same on both pages.
export { ATTEMPT_STATUS_DISPLAY, NETWORK_MODE_LABELS, REGISTRY_LABELS };

export const INSTALL_TYPE_LABELS: Record<string, string> = {
  helm: 'Helm',
  linux: 'Linux',
};

/**
 * Step names as the report's checklist shows them. The backend may report a
 * step this version does not know (a newer installer): its name is shown.
 */
const STEP_LABELS: Record<string, string> = {
  started: 'Started',
  'registry-login': 'Registry login',
  'images-pulled': 'Images pulled',
  'assets-downloaded': 'Assets downloaded',
  completed: 'Completed',
};

export function stepLabel(step: string | null): string {
  if (!step) return 'Unknown step';
  return STEP_LABELS[step] ?? step;
}

export function statusLabel(status: InstallAttemptStatus): string {
  return ATTEMPT_STATUS_DISPLAY[status].label;
}

/** '1 attempt', '3 attempts'. */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}
