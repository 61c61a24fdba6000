import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { flag, optional, optionalTime, parsePage, text } from './tolerant';

/** A `CustomerUser` of the Enterprise Portal. */
const userSchema = z
  .object({
    emailAddress: text,
    // A string without a declared format in the specification.
    invitedAt: optionalTime,
    pendingInvite: flag,
    firstAccessedAt: optionalTime,
    lastAccessedAt: optionalTime,
  })
  .transform(u => ({
    email: u.emailAddress,
    invitedAt: u.invitedAt,
    joined: u.pendingInvite === false || u.firstAccessedAt !== undefined,
    firstAccessedAt: u.firstAccessedAt,
    lastAccessedAt: u.lastAccessedAt,
  }));

export type VendorPortalUser = z.output<typeof userSchema>;

/** A `ServiceAccount` of the Enterprise Portal. */
const serviceAccountSchema = z
  .object({
    emailAddress: optional(text),
    createdAt: optionalTime,
    isRevoked: flag,
  })
  .transform(s => ({
    email: s.emailAddress,
    createdAt: s.createdAt,
    revoked: s.isRevoked ?? false,
  }));

export type VendorServiceAccount = z.output<typeof serviceAccountSchema>;

/** One page of `GET .../enterprise-portal/customer-users`: `{users, total}`. */
export function parsePortalUserPage(answer: unknown, logger: LoggerService) {
  return parsePage(
    answer,
    'users',
    'total',
    userSchema,
    'Enterprise Portal user',
    logger,
  );
}

/** One page of `GET .../enterprise-portal/service-accounts`: `{service_accounts, total}`. */
export function parseServiceAccountPage(
  answer: unknown,
  logger: LoggerService,
) {
  return parsePage(
    answer,
    'service_accounts',
    'total',
    serviceAccountSchema,
    'Enterprise Portal service account',
    logger,
  );
}
