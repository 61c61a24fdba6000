import {
  AttemptEvent,
  PortalEvent,
} from '@customer-reporting/plugin-customer-reporting-common';
import { IngestedAttemptEvent, IngestedPortalEvent } from './ingestTypes';
import { ingestTime } from './ingestTime';
import { ValidationIssue } from './validate';

/** An install attempt event the spec accepted, as stored: text trimmed, distribution lowercase. */
export function prepareAttemptEvent(
  event: AttemptEvent,
  index: number | null,
  issues: ValidationIssue[],
  now: number,
): IngestedAttemptEvent {
  const environment = event.environment && {
    ...event.environment,
    k8sDistribution: event.environment.k8sDistribution?.trim().toLowerCase(),
    os: event.environment.os?.trim(),
    osVersion: event.environment.osVersion?.trim(),
  };
  return {
    ...event,
    at: ingestTime(event.at, now, index, 'at', issues),
    userEmail: event.userEmail?.trim(),
    appVersion: event.appVersion?.trim(),
    reason: event.reason?.trim(),
    environment,
  };
}

/** A portal event the spec accepted, as stored. */
export function preparePortalEvent(
  event: PortalEvent,
  index: number | null,
  issues: ValidationIssue[],
  now: number,
): IngestedPortalEvent {
  return {
    ...event,
    at: ingestTime(event.at, now, index, 'at', issues),
    email: event.email?.trim(),
    version: event.version?.trim(),
  };
}
