import {
  INSTALL_STEPS,
  ReportInstallAttempt,
} from '@customer-reporting/plugin-customer-reporting-common';
import { Tone } from '../shared';

/**
 * Step names as the checklists show them. The backend may report a step
 * this version does not know (a newer installer): its name is shown.
 */
const STEP_LABELS: Record<string, string> = {
  started: 'Started',
  'registry-login': 'Registry login',
  'images-pulled': 'Images pulled',
  'assets-downloaded': 'Assets downloaded',
  completed: 'Completed',
};

/** Label and tone of each attempt status. */
export const ATTEMPT_STATUS_DISPLAY: Record<
  ReportInstallAttempt['status'],
  { label: string; tone: Tone }
> = {
  succeeded: { label: 'Succeeded', tone: 'success' },
  failed: { label: 'Failed', tone: 'error' },
  stalled: { label: 'Stalled', tone: 'warning' },
  'in-progress': { label: 'In progress', tone: 'info' },
  discarded: { label: 'Discarded', tone: 'neutral' },
};

/** Human labels of the network modes and registry setups. */
export const NETWORK_MODE_LABELS: Record<string, string> = {
  online: 'Online',
  proxy: 'Proxy',
  airgap: 'Air gap',
};
export const REGISTRY_LABELS: Record<string, string> = {
  online: 'Online',
  partial: 'Partial',
  offline: 'Offline',
};

/** One line of an attempt's step checklist. */
export interface StepState {
  step: string;
  label: string;
  /** When the step was reported; null while it has not been. */
  at: string | null;
  failed: boolean;
}

/** A step's label; 'Unknown step' when an attempt names none. */
export function stepLabel(step: string | null): string {
  if (!step) return 'Unknown step';
  return STEP_LABELS[step] ?? step;
}

/**
 * The expected steps of the attempt's install type with the time each was
 * reported. Steps the backend reported but the type does not list (a newer
 * installer) are appended so nothing reported is hidden; without a type,
 * only the reported steps are known.
 */
export function stepChecklist(attempt: ReportInstallAttempt): StepState[] {
  const reported = new Map(attempt.steps.map(s => [s.step, s.at]));
  const expected: readonly string[] = attempt.installType
    ? INSTALL_STEPS[attempt.installType]
    : [];
  const extra = attempt.steps
    .map(s => s.step)
    .filter(step => !expected.includes(step));
  return [...expected, ...extra].map(step => ({
    step,
    label: stepLabel(step),
    at: reported.get(step) ?? null,
    failed: attempt.failedStep === step,
  }));
}

/** Where the attempt ran: the Kubernetes distribution or the OS. */
export function attemptEnvironment(
  environment: ReportInstallAttempt['environment'],
): string | undefined {
  if (environment.k8sDistribution) return environment.k8sDistribution;
  const os = [environment.os, environment.osVersion].filter(Boolean).join(' ');
  return os || undefined;
}
