import { generateDemoFleet } from '../demoFleet';

/** A generated field's value, as the tests read request bodies. */
export type Row = Record<string, any>;

export const MINUTE = 60_000;

/** The portal generates the fleet at start-up: any time of day must do. */
export const LOAD_TIMES = [
  '2026-11-27T12:00:00Z',
  '2026-03-01T00:30:00Z',
  '2027-07-15T18:45:10Z',
];

/** The demo fleet generated at `loadTime`, indexed the way the tests read it. */
export function indexDemoFleet(loadTime: string) {
  const now = Date.parse(loadTime);
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
