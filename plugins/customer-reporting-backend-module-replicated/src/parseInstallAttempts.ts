import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import {
  entries,
  id,
  listIn,
  optional,
  optionalTime,
  parseEach,
  record,
  text,
  time,
} from './tolerant';

const stepSchema = record({
  step: optional(text),
  name: optional(text),
  at: optionalTime,
  completedat: optionalTime,
}).transform(s => ({
  step: (s.step ?? s.name)?.toLowerCase().replace(/_/g, '-'),
  at: s.at ?? s.completedat,
}));

const attemptSchema = record({
  id,
  customerid: id,
  useremail: optional(text),
  email: optional(text),
  installtype: optional(text),
  appversion: optional(text),
  versionlabel: optional(text),
  startedat: time,
  completedat: optionalTime,
  failedat: optionalTime,
  discardedat: optionalTime,
  failurereason: optional(text),
  failedstep: optional(text),
  k8sdistribution: optional(text),
  os: optional(text),
  osversion: optional(text),
  networkmode: optional(text),
  isairgap: optional(z.boolean()),
  registry: optional(text),
  instanceid: optional(id),
  steps: entries(stepSchema),
}).transform(a => ({
  id: a.id,
  customerId: a.customerid,
  userEmail: a.useremail ?? a.email,
  installType: a.installtype?.toLowerCase().replace(/_/g, '-'),
  appVersion: a.appversion ?? a.versionlabel,
  startedAt: a.startedat,
  completedAt: a.completedat,
  failedAt: a.failedat,
  discardedAt: a.discardedat,
  failureReason: a.failurereason,
  failedStep: a.failedstep?.toLowerCase().replace(/_/g, '-'),
  k8sDistribution: a.k8sdistribution,
  os: a.os,
  osVersion: a.osversion,
  networkMode:
    a.networkmode?.toLowerCase() ?? (a.isairgap ? 'airgap' : undefined),
  registry: a.registry?.toLowerCase(),
  instanceId: a.instanceid,
  steps: a.steps,
}));

/** One Enterprise Portal install attempt of a customer. */
export type VendorInstallAttempt = z.output<typeof attemptSchema>;

/** `GET /app/{appId}/enterprise-portal/install-attempts` → `{installAttempts}`. */
export function parseInstallAttempts(
  answer: unknown,
  logger: LoggerService,
): { attempts: VendorInstallAttempt[]; skipped: number } {
  const { items, skipped } = parseEach(
    listIn(answer, 'installattempts', 'attempts', 'items'),
    attemptSchema,
    'install attempt',
    logger,
  );
  return { attempts: items, skipped };
}
