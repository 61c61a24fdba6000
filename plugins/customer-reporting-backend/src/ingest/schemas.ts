import { z } from 'zod/v4';
import { LICENSE_TYPES } from '@customer-reporting/plugin-customer-reporting-common';
import {
  appStatus,
  email,
  id,
  isoTime,
  nonNegativeInt,
  slug,
  text,
} from './fields';

/** Upper bound of items in one ingest batch. */
export const MAX_BATCH_ITEMS = 1000;

export function appSchema(now: () => number) {
  const release = z
    .object({
      sequence: nonNegativeInt,
      versionLabel: text(100),
      promotedAt: isoTime(now),
    })
    .strict();
  const channel = z
    .object({
      slug,
      name: text(),
      releases: z.array(release).max(10000).default([]),
    })
    .strict();
  return z
    .object({
      name: text(),
      channels: z
        .array(channel)
        .min(1, 'an app needs at least one channel')
        .max(100)
        .refine(
          channels =>
            new Set(channels.map(c => c.slug)).size === channels.length,
          'channel slugs must be unique',
        ),
    })
    .strict();
}
export type AppInput = z.infer<ReturnType<typeof appSchema>>;

const features = z
  .object({
    gitops: z.boolean(),
    airgap: z.boolean(),
    identity: z.boolean(),
    snapshots: z.boolean(),
    helmInstall: z.boolean().default(false),
    kotsInstall: z.boolean().default(false),
    kurlInstall: z.boolean().default(false),
    embeddedClusterDownload: z.boolean().default(false),
    supportBundleUpload: z.boolean().default(false),
  })
  .strict();

export function customerSchema(now: () => number) {
  return z
    .object({
      name: text(),
      appSlug: slug,
      channelSlug: slug,
      email: email.nullish(),
      customId: text().nullish(),
      licenseType: z
        .string()
        .transform(value =>
          value.toLowerCase() === 'prod' ? 'paid' : value.toLowerCase(),
        )
        .pipe(
          z.enum(LICENSE_TYPES, {
            error: `must be one of ${LICENSE_TYPES.join(', ')}`,
          }),
        ),
      licenseId: text(),
      createdAt: isoTime(now),
      expiresAt: z
        .string()
        .datetime({
          offset: true,
          message: 'must be an ISO 8601 time with a time zone',
        })
        .transform(value => Date.parse(value))
        .nullish(),
      archived: z.boolean().default(false),
      features,
      enterprisePortalEnabled: z.boolean().default(false),
      // Shown as a link: http(s) only.
      downloadPortalUrl: z
        .string()
        .max(2048)
        .url()
        .regex(/^https?:\/\//i, 'must be an http(s) URL')
        .nullish(),
      owner: z
        .string()
        .max(255)
        .regex(
          /^[a-z0-9_-]+:[a-z0-9._-]+\/[a-z0-9._-]+$/i,
          'must be an entity ref such as group:default/team-a',
        )
        .transform(v => v.toLowerCase())
        .nullish(),
      customFields: z
        .array(z.object({ name: text(), value: z.string().max(1000) }).strict())
        .max(100)
        .default([]),
    })
    .strict();
}
export type CustomerInput = z.infer<ReturnType<typeof customerSchema>>;

const resourceState = z
  .object({
    kind: text(100),
    namespace: text(253),
    name: text(253),
    state: appStatus,
  })
  .strict();

const scalar = z.union([
  z.string().max(1000),
  z.number().finite(),
  z.boolean(),
]);

export function checkInSchema(now: () => number) {
  return z
    .object({
      instanceId: id,
      customerId: id,
      at: isoTime(now).optional(),
      clusterId: text().optional(),
      airgap: z.boolean().optional(),
      appStatus: appStatus.optional(),
      resourceStates: z.array(resourceState).max(1000).optional(),
      appVersion: text(100).optional(),
      channelSlug: slug.optional(),
      releaseSequence: nonNegativeInt.optional(),
      k8sVersion: text(50).optional(),
      k8sDistribution: text(50)
        .transform(v => v.toLowerCase())
        .optional(),
      clusterType: z.enum(['kurl', 'embedded', 'existing']).optional(),
      kurlNodesTotal: nonNegativeInt.optional(),
      kurlNodesReady: nonNegativeInt.optional(),
      kotsVersion: text(50).optional(),
      sdkVersion: text(50).optional(),
      cloudProvider: text(50).optional(),
      cloudRegion: text(100).optional(),
      preflightStatus: text(50).optional(),
      tags: z
        .record(z.string().min(1).max(100), z.string().max(255))
        .refine(tags => Object.keys(tags).length <= 10, 'at most 10 tags')
        .optional(),
      customMetrics: z
        .record(z.string().min(1).max(100), scalar)
        .refine(m => Object.keys(m).length <= 100, 'at most 100 custom metrics')
        .optional(),
    })
    .strict();
}
export type CheckInInput = z.infer<ReturnType<typeof checkInSchema>>;

export const INSTALL_STEPS = {
  helm: ['started', 'registry-login', 'images-pulled', 'completed'],
  linux: ['started', 'assets-downloaded', 'completed'],
} as const;
const INTERMEDIATE_STEPS = [
  'registry-login',
  'images-pulled',
  'assets-downloaded',
] as const;

export function attemptEventSchema(now: () => number) {
  return z
    .object({
      attemptId: id,
      customerId: id,
      type: z.enum(['started', 'step', 'completed', 'failed', 'discarded']),
      at: isoTime(now),
      step: z.enum(INTERMEDIATE_STEPS).optional(),
      userEmail: email.optional(),
      installType: z.enum(['helm', 'linux']).optional(),
      appVersion: text(100).optional(),
      environment: z
        .object({
          k8sDistribution: text(50)
            .transform(v => v.toLowerCase())
            .optional(),
          os: text(50).optional(),
          osVersion: text(50).optional(),
        })
        .strict()
        .optional(),
      networkMode: z.enum(['online', 'proxy', 'airgap']).optional(),
      registry: z.enum(['online', 'partial', 'offline']).optional(),
      reason: z.string().trim().max(2000).optional(),
      instanceId: id.optional(),
    })
    .strict()
    .superRefine((event, ctx) => {
      if (event.type === 'step' && !event.step) {
        ctx.addIssue({
          code: 'custom',
          path: ['step'],
          message: 'is required when type is step',
        });
      }
      if (event.step && event.installType) {
        const steps: readonly string[] = INSTALL_STEPS[event.installType];
        if (!steps.includes(event.step)) {
          ctx.addIssue({
            code: 'custom',
            path: ['step'],
            message: `is not a ${event.installType} step (${steps.join(', ')})`,
          });
        }
      }
      if (
        event.networkMode === 'airgap' &&
        event.registry &&
        event.registry !== 'offline'
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['registry'],
          message: 'must be offline when networkMode is airgap',
        });
      }
    });
}
export type AttemptEventInput = z.infer<ReturnType<typeof attemptEventSchema>>;

export const PORTAL_EVENT_TYPES = [
  'accessed',
  'user-invited',
  'user-joined',
  'service-account-created',
  'support-bundle-uploaded',
  'software-pulled',
  'downloaded',
] as const;

export function portalEventSchema(now: () => number) {
  return z
    .object({
      customerId: id,
      type: z.enum(PORTAL_EVENT_TYPES),
      at: isoTime(now),
      email: email.optional(),
      version: text(100).optional(),
    })
    .strict();
}
export type PortalEventInput = z.infer<ReturnType<typeof portalEventSchema>>;
