import { InstallAttemptStatus } from '@customer-reporting/plugin-customer-reporting-common';
import {
  ATTEMPT_STATUS_DISPLAY,
  NETWORK_MODE_LABELS,
  REGISTRY_LABELS,
  stepLabel,
} from '../CustomerReport/installSteps';

// The report's labels, so a status or step reads the same on both pages.
export {
  ATTEMPT_STATUS_DISPLAY,
  NETWORK_MODE_LABELS,
  REGISTRY_LABELS,
  stepLabel,
};

export const INSTALL_TYPE_LABELS: Record<string, string> = {
  helm: 'Helm',
  linux: 'Linux',
};

export function statusLabel(status: InstallAttemptStatus): string {
  return ATTEMPT_STATUS_DISPLAY[status].label;
}

/** '1 attempt', '3 attempts'. */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}
