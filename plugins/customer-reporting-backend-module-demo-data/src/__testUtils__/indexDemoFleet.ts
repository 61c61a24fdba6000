import { generateDemoFleet } from '../demoFleet';

/** A generated field's value, as the tests read request bodies. */
export type Row = Record<string, any>;

export const MINUTE = 60_000;

/**
 * The demo fleet generated at `now`, indexed the way the tests read it.
 * Every time in it is relative to `now` (demoFleet.test.ts checks that), so
 * one load time stands for all.
 */
export function indexDemoFleet(now: number) {
  const fleet = generateDemoFleet(now);
  const customers = new Map(
    fleet.customers.map(c => [c.id, c.body as Row] as const),
  );
  const byInstance = new Map<string, Row[]>();
  for (const c of fleet.checkIns) {
    const list = byInstance.get(c.instanceId as string) ?? [];
    list.push(c);
    byInstance.set(c.instanceId as string, list);
  }
  return {
    now,
    fleet,
    customers,
    customerNamed: (name: string) =>
      fleet.customers.find(c => (c.body as Row).name === name)!.id,
    /** Check-ins per instance, in time order. */
    byInstance,
    started: fleet.attemptEvents.filter(e => e.type === 'started') as Row[],
  };
}

export const time = (e: Row) => Date.parse(e.at);
