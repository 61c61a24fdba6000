import { Request } from 'express';
import {
  AuditorService,
  AuditorServiceEventSeverityLevel,
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import {
  AuditRecord,
  DatabaseAuditStore,
} from '../database/DatabaseAuditStore';

/** The auditor event of one sensitive action (docs/audit.md lists them). */
export interface AuditedEvent {
  /** kebab-case, without the plugin id (the auditor adds it). */
  eventId: string;
  /** Backstage's levels; unset is `low` (normal use). */
  severityLevel?: AuditorServiceEventSeverityLevel;
  /** What is known before the action runs, e.g. the customer id. */
  meta?: JsonObject;
}

/** What the action tells the audit while it runs. */
export interface AuditTrail {
  /**
   * Writes the customer page's Activity entry; its details are also the
   * auditor event's success meta, so both say the same.
   */
  record(
    credentials: BackstageCredentials,
    entry: Omit<AuditRecord, 'actor' | 'details'> & { details: JsonObject },
  ): Promise<void>;
  /** More success meta for actions without an Activity entry (e.g. ingest counts). */
  addMeta(meta: JsonObject): void;
}

export interface ActionAuditor {
  /**
   * Runs `action` inside an auditor event created first (so that refused and
   * failed attempts are audited too): success with the meta the action
   * added, or fail with its error, which is then rethrown.
   */
  run<T>(
    req: Request<any, any, any, any, any>,
    event: AuditedEvent,
    action: (trail: AuditTrail) => Promise<T>,
  ): Promise<T>;
  /** Who acted, as the Activity entry names them; also for rows that keep who set them. */
  actorOf(credentials: BackstageCredentials): string;
}

/** Who acted, for the Activity entry: a user entity ref or a service subject. */
export function actorOf(
  auth: AuthService,
  credentials: BackstageCredentials,
): string {
  if (auth.isPrincipal(credentials, 'user'))
    return credentials.principal.userEntityRef;
  if (auth.isPrincipal(credentials, 'service'))
    return `service:${credentials.principal.subject}`;
  return 'none';
}

/** Backstage's auditor and the plugin's Activity table, fed from one place. */
export function createActionAuditor(options: {
  auditor: AuditorService;
  auth: AuthService;
  auditTrail: DatabaseAuditStore;
}): ActionAuditor {
  const { auditor, auth, auditTrail } = options;
  return {
    actorOf: credentials => actorOf(auth, credentials),
    async run(req, event, action) {
      const auditorEvent = await auditor.createEvent({
        eventId: event.eventId,
        severityLevel: event.severityLevel,
        request: req,
        meta: event.meta,
      });
      let meta: JsonObject = { ...event.meta };
      const trail: AuditTrail = {
        async record(credentials, entry) {
          await auditTrail.record({
            ...entry,
            actor: actorOf(auth, credentials),
          });
          meta = { ...meta, action: entry.action, ...entry.details };
        },
        addMeta(extra) {
          meta = { ...meta, ...extra };
        },
      };
      try {
        const result = await action(trail);
        await auditorEvent.success({ meta });
        return result;
      } catch (error) {
        await auditorEvent.fail({ meta, error: error as Error });
        throw error;
      }
    },
  };
}
