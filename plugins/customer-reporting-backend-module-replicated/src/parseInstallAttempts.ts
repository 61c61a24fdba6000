import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import {
  count,
  id,
  optional,
  optionalTime,
  parsePage,
  text,
  time,
} from './tolerant';

/** An `InstallAttempt` (snake_case, as the specification names it). */
const attemptSchema = z
  .object({
    id,
    customer_id: id,
    customer_email: optional(text),
    install_type: optional(text),
    version_label: optional(text),
    channel_release_sequence: count,
    kubernetes_distribution: optional(text),
    os_distro: optional(text),
    os_version: optional(text),
    network_availability: optional(text),
    registry_availability: optional(text),
    started_at: time,
    registry_authenticated_at: optionalTime,
    images_pulled_at: optionalTime,
    assets_downloaded_at: optionalTime,
    installation_completed_at: optionalTime,
    browser_install_completed_at: optionalTime,
    instance_id: optional(id),
    status: optional(text),
  })
  .transform(a => ({
    id: a.id,
    customerId: a.customer_id,
    userEmail: a.customer_email,
    installType: a.install_type?.toLowerCase(),
    appVersion: a.version_label ?? a.channel_release_sequence?.toString(),
    k8sDistribution: a.kubernetes_distribution,
    os: a.os_distro,
    osVersion: a.os_version,
    networkMode: a.network_availability?.toLowerCase(),
    registry: a.registry_availability?.toLowerCase(),
    startedAt: a.started_at,
    steps: {
      'registry-login': a.registry_authenticated_at,
      'images-pulled': a.images_pulled_at,
      'assets-downloaded': a.assets_downloaded_at,
    },
    completedAt: a.installation_completed_at ?? a.browser_install_completed_at,
    instanceId: a.instance_id,
    status: a.status?.toLowerCase(),
  }));

/** One Enterprise Portal install attempt of a customer. */
export type VendorInstallAttempt = z.output<typeof attemptSchema>;

/**
 * One page of `GET /app/{app_id}/enterprise-portal/install-attempts`:
 * `{install_attempts, total}`.
 */
export function parseInstallAttemptPage(
  answer: unknown,
  logger: LoggerService,
) {
  return parsePage(
    answer,
    'install_attempts',
    'total',
    attemptSchema,
    'install attempt',
    logger,
  );
}
