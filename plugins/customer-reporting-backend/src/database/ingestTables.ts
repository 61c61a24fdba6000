import { BulkTable } from './bulkRows';

/** The tables ingest writes, as bulkRows writes them. */

export const CHECK_INS: BulkTable = {
  name: 'check_ins',
  columns: ['instance_id', 'at', 'app_status', 'payload', 'received_at'],
  pgTypes: ['text', 'bigint', 'text', 'text', 'bigint'],
  key: ['instance_id', 'at'],
};

/** An instance row as first created, before its check-ins are applied. */
export const NEW_INSTANCES: BulkTable = {
  name: 'instances',
  columns: [
    'id',
    'customer_id',
    'first_seen_at',
    'last_check_in_at',
    'state',
    'updated_at',
  ],
  pgTypes: ['text', 'text', 'bigint', 'bigint', 'text', 'bigint'],
  key: ['id'],
};

/** An instance row after a batch's check-ins (see instanceUpdate). */
export const INSTANCE_SUMMARIES: BulkTable = {
  name: 'instances',
  columns: [
    'id',
    'customer_id',
    'first_seen_at',
    'first_ready_at',
    'last_check_in_at',
    'airgap',
    'cluster_id',
    'status_rank',
    'app_version',
    'state',
    'updated_at',
  ],
  pgTypes: [
    'text',
    'text',
    'bigint',
    'bigint',
    'bigint',
    'boolean',
    'text',
    'integer',
    'text',
    'text',
    'bigint',
  ],
  key: ['id'],
};

export const INSTANCE_EVENTS: BulkTable = {
  name: 'instance_events',
  columns: ['instance_id', 'field', 'at', 'value', 'previous_value'],
  pgTypes: ['text', 'text', 'bigint', 'text', 'text'],
  key: ['instance_id', 'field', 'at'],
};

export const INSTANCE_SPANS: BulkTable = {
  name: 'instance_spans',
  columns: ['instance_id', 'start_at', 'last_at'],
  pgTypes: ['text', 'bigint', 'bigint'],
  key: ['instance_id', 'start_at'],
};

/** Portal events, keyed by the hash of the event as sent. */
export const PORTAL_EVENTS: BulkTable = {
  name: 'portal_events',
  columns: ['id', 'customer_id', 'type', 'at', 'email', 'version'],
  pgTypes: ['text', 'text', 'text', 'bigint', 'text', 'text'],
  key: ['id'],
};

/** Install attempt events, keyed by the hash of the event as sent. */
export const INSTALL_ATTEMPT_EVENTS: BulkTable = {
  name: 'install_attempt_events',
  columns: ['id', 'attempt_id', 'customer_id', 'type', 'at', 'step', 'payload'],
  pgTypes: ['text', 'text', 'text', 'text', 'bigint', 'text', 'text'],
  key: ['id'],
};
