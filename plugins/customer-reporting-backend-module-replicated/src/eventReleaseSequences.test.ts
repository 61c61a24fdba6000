import { fixtures, NIMBUS_APP_ID } from './__fixtures__';
import { testLogger } from './__testUtils__/fakeVendorApi';
import { parsedCustomer, parsedNimbus } from './__testUtils__/parsedFixtures';
import { withEventReleaseSequences } from './eventReleaseSequences';
import { mapEventCheckIns } from './mapEventCheckIns';
import { parseEvents } from './parseEvents';

describe('withEventReleaseSequences', () => {
  const { instances } = parsedCustomer('acme');
  const acme = '7f3b2c9e1a4d';
  const draft = (at: string, appVersion: string) => ({
    instanceId: acme,
    customerId: 'c',
    at: Date.parse(at),
    fields: { appVersion },
  });

  it("adds the sequence of the fixture's versionLabel event from the version history", () => {
    const { events } = parseEvents(
      fixtures.events[NIMBUS_APP_ID],
      testLogger(),
    );
    const { drafts } = mapEventCheckIns(events, {
      channelSlugById: parsedNimbus().channelSlugById,
      embeddedInstanceIds: new Set(),
    });
    const upgrade = withEventReleaseSequences(drafts, instances).find(
      d => d.instanceId === acme && d.fields.appVersion === '2.3.1',
    );
    // customers.json: 2.3.1 is sequence 42 of Acme's instance.
    expect(upgrade?.fields).toEqual({
      appVersion: '2.3.1',
      releaseSequence: 42,
    });
  });

  it('takes the entry of that label begun last by the event, else the earliest', () => {
    const entry = { ...instances[0].versionHistory[0], versionLabel: '2.0.0' };
    const history = [
      { ...entry, releaseSequence: 30, intervalStart: 300 },
      { ...entry, releaseSequence: 20, intervalStart: 200 },
      { ...entry, releaseSequence: 10, intervalStart: 100 },
    ];
    const instance = { ...instances[0], versionHistory: history };
    const sequenceAt = (at: number) =>
      withEventReleaseSequences(
        [{ ...draft('2024-01-01T00:00:00Z', '2.0.0'), at }],
        [instance],
      )[0].fields.releaseSequence;
    expect([sequenceAt(250), sequenceAt(300), sequenceAt(50)]).toEqual([
      20, 30, 10,
    ]);
  });

  it('leaves alone a label the history lacks and a check-in with its sequence', () => {
    const unknown = draft('2024-06-21T02:00:00Z', '9.9.9');
    const whole = {
      ...draft('2024-06-21T02:00:00Z', '2.3.1'),
      fields: { appVersion: '2.3.1', releaseSequence: 7 },
    };
    expect(withEventReleaseSequences([unknown, whole], instances)).toEqual([
      unknown,
      whole,
    ]);
  });
});
