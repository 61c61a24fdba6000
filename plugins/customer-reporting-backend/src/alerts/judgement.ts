import { Knex } from 'knex';
import { StoredAlertRule } from './DatabaseAlertRulesStore';

/** What one evaluation of one rule needs. */
export interface JudgeContext {
  db: Knex;
  rule: StoredAlertRule;
  asOf: number;
  /** Only these customers (those an ingest touched); undefined: all. */
  customerIds?: string[];
  /** Subjects of the rule that fire now: judged again so they can recover. */
  firing: string[];
  activeWindowMs: number;
  stalledAfterMs: number;
  /** How far back a change may lie to be told when first seen (events, transitions). */
  lookbackMs: number;
}

/** The verdict on one subject (instance, install attempt or customer). */
export interface Judgement {
  subject: string;
  customerId: string;
  firing: boolean;
  /** What is the case now, said after the customer's name. */
  summary: string;
  /** Where in the portal to look (path under the app). */
  link: string;
}

/** `45 min`, `2 h 5 min`, `3 d 4 h`: the two largest parts, truncated. */
export function formatMinutes(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}
