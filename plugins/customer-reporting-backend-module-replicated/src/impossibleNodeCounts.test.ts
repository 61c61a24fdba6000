import { fixtures, NIMBUS_APP_ID } from './__fixtures__';
import { testLogger } from './__testUtils__/fakeVendorApi';
import { parsedCustomer, parsedNimbus } from './__testUtils__/parsedFixtures';
import { mapEventCheckIns } from './mapEventCheckIns';
import { mapInstanceCheckIns } from './mapInstanceCheckIns';
import { parseEvents } from './parseEvents';

// The ingest refuses a check-in with more kURL nodes ready than in total,
// and with it the whole batch: such a ready count is not sent.
describe('kURL node counts the ingest would refuse', () => {
  const { channelSlugById } = parsedNimbus();

  it('leaves out a record’s ready count above its total', () => {
    const { customer, instances } = parsedCustomer('globex');
    const current = (nodesReady: number) =>
      mapInstanceCheckIns(
        { ...instances[0], nodesTotal: 3, nodesReady },
        customer.id,
        channelSlugById,
      ).at(-1)!.fields;
    expect(current(4)).toEqual(expect.objectContaining({ kurlNodesTotal: 3 }));
    expect(current(4)).not.toHaveProperty('kurlNodesReady');
    expect(current(3)).toEqual(
      expect.objectContaining({ kurlNodesTotal: 3, kurlNodesReady: 3 }),
    );
  });

  it('leaves out a ready count above the total of an event at the same time', () => {
    const { events } = parseEvents(
      fixtures.events[NIMBUS_APP_ID],
      testLogger(),
    );
    const embedded = events.find(e => e.instanceId === '3c5e7a9b1d2f')!;
    const context = {
      channelSlugById,
      embeddedInstanceIds: new Set(['3c5e7a9b1d2f']),
    };
    const { drafts } = mapEventCheckIns(
      [
        { ...embedded, fieldName: 'kurlNodeCountTotal', newValue: '2', at: 1 },
        { ...embedded, fieldName: 'kurlNodeCountReady', newValue: '5', at: 1 },
        // Alone, a ready count is sent: the total may have grown since.
        { ...embedded, fieldName: 'kurlNodeCountReady', newValue: '5', at: 2 },
      ],
      context,
    );
    expect(drafts.map(d => d.fields)).toEqual([
      { kurlNodesTotal: 2 },
      { kurlNodesReady: 5 },
    ]);
  });
});
