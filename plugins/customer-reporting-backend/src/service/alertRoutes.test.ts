import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  startWithProductionPolicy,
  userHeader,
} from '../__testUtils__/productionPolicyBackend';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
const service = mockCredentials.service.header();
const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

describe.each(databases.eachSupportedId())('alert routes on %p', databaseId => {
  it('validate rules, keep them, and show each reader only the deliveries of customers it may read', async () => {
    const knex = await databases.init(databaseId);
    const server = await startWithProductionPolicy(knex, {
      groups: { alertAdmins: ['group:default/ops'] },
      readOwnCustomersOnly: true,
    });
    await request(server)
      .put(`${base}/v1/apps/test-app`)
      .set('Authorization', service)
      .send(TEST_APP)
      .expect(200);
    for (const [id, owner] of [
      ['c1', 'group:default/alice'],
      ['c2', 'group:default/bob'],
    ])
      await request(server)
        .put(`${base}/v1/customers/${id}`)
        .set('Authorization', service)
        .send(testCustomer({ name: `Customer ${id}`, owner }))
        .expect(200);

    // Bad input: 400 naming every bad field, nothing stored.
    const bad = await request(server)
      .put(`${base}/v1/alerts/rules/down`)
      .set('Authorization', userHeader('ops'))
      .send({
        name: 'Down',
        eventType: 'instance-gone',
        threshold: 0,
        recipients: ['alice'],
      })
      .expect(400);
    expect(bad.body.error.name).toBe('InputError');
    expect(JSON.stringify(bad.body.error)).toMatch(/eventType/);
    expect(JSON.stringify(bad.body.error)).toMatch(/threshold/);
    expect(JSON.stringify(bad.body.error)).toMatch(/recipients/);
    await request(server)
      .put(`${base}/v1/alerts/rules/bad%20id`)
      .set('Authorization', userHeader('ops'))
      .send({ name: 'Down', eventType: 'instance-unavailable' })
      .expect(400);
    // Any JSON parses; the spec's schema refuses a root that is not an object.
    const notObject = await request(server)
      .put(`${base}/v1/alerts/rules/down`)
      .set('Authorization', userHeader('ops'))
      .set('Content-Type', 'application/json')
      .send('"down"')
      .expect(400);
    expect(notObject.body.error.message).toMatch(/body must be object/);
    expect(
      (
        await request(server)
          .get(`${base}/v1/alerts/rules`)
          .set('Authorization', userHeader('alice'))
      ).body,
    ).toEqual({ items: [] });

    // A threshold on a type that has none is refused, not kept unused.
    const noThreshold = await request(server)
      .put(`${base}/v1/alerts/rules/down`)
      .set('Authorization', userHeader('ops'))
      .send({ name: 'Gone', eventType: 'instance-inactive', threshold: 5 })
      .expect(400);
    expect(noThreshold.body.error.message).toBe(
      'threshold: event type instance-inactive has no threshold; leave it out',
    );

    // A member of alertAdmins stores a rule; defaults are filled in.
    const stored = await request(server)
      .put(`${base}/v1/alerts/rules/down`)
      .set('Authorization', userHeader('ops'))
      .send({ name: 'Down', eventType: 'instance-unavailable' })
      .expect(200);
    expect(stored.body).toMatchObject({
      id: 'down',
      threshold: null,
      recipients: [],
      enabled: true,
      updatedBy: 'user:default/ops',
      filters: { appSlugs: [], customerIds: [] },
      mutes: [],
    });
    await request(server)
      .put(`${base}/v1/alerts/rules/nope/mutes`)
      .set('Authorization', userHeader('ops'))
      .send({ until: '2099-01-01T00:00:00Z' })
      .expect(404);

    // Both customers' instances are down for 40 minutes: the ingest judges
    // them. No notifications backend runs here, so the sends fail and the
    // log says so.
    await request(server)
      .post(`${base}/v1/check-ins`)
      .set('Authorization', service)
      .send({
        checkIns: ['c1', 'c2'].map(customerId => ({
          instanceId: `i-${customerId}`,
          customerId,
          at: minutesAgo(40),
          appStatus: 'missing',
        })),
      })
      .expect(200);
    const subjects = async (caller: string) =>
      (
        await request(server)
          .get(`${base}/v1/alerts/deliveries`)
          .set('Authorization', caller)
          .expect(200)
      ).body.items.map((d: any) => d.subject);
    expect((await subjects(service)).sort()).toEqual(['i-c1', 'i-c2']);
    expect(await subjects(userHeader('alice'))).toEqual(['i-c1']);
    expect(await subjects(userHeader('bob'))).toEqual(['i-c2']);
    expect(await subjects(userHeader('ops'))).toEqual([]);
    const [delivery] = (
      await request(server)
        .get(`${base}/v1/alerts/deliveries`)
        .set('Authorization', userHeader('alice'))
    ).body.items;
    expect(delivery).toMatchObject({
      ruleId: 'down',
      ruleName: 'Down',
      kind: 'firing',
      customerId: 'c1',
      recipients: ['group:default/alice'],
      title: 'Customer c1: instance i-c1 is missing for 40 min',
    });
    expect(delivery.error).toEqual(expect.any(String));

    // asOf, as on every read route: the log as it stood then (nothing was
    // sent an hour ago), and rules, which keep no history, as they are.
    const hourAgo = minutesAgo(60);
    const asOfLog = await request(server)
      .get(`${base}/v1/alerts/deliveries?asOf=${hourAgo}`)
      .set('Authorization', service)
      .expect(200);
    expect(asOfLog.body.items).toEqual([]);
    const asOfRules = await request(server)
      .get(`${base}/v1/alerts/rules?asOf=${hourAgo}`)
      .set('Authorization', service)
      .expect(200);
    expect(asOfRules.body.items.map((r: any) => r.id)).toEqual(['down']);
    for (const path of ['rules', 'deliveries']) {
      const refused = await request(server)
        .get(`${base}/v1/alerts/${path}?asOf=yesterday`)
        .set('Authorization', service)
        .expect(400);
      expect(refused.body.error.message).toMatch(/asOf/);
    }

    // Mute, unmute and delete are audited with who did them. ops reads no
    // customer, so it mutes the whole rule (alertRuleVisibility.test.ts:
    // subjects).
    const ops = userHeader('ops');
    const leapSecond = await request(server)
      .put(`${base}/v1/alerts/rules/down/mutes`)
      .set('Authorization', ops)
      .send({ subject: 'i-c1', until: '2030-12-31T23:59:60Z' })
      .expect(400);
    expect(leapSecond.body.error.issues).toMatchObject([{ field: 'until' }]);
    await request(server)
      .put(`${base}/v1/alerts/rules/down/mutes`)
      .set('Authorization', ops)
      .send({ until: '2099-01-01T00:00:00Z' })
      .expect(200);
    await request(server)
      .delete(`${base}/v1/alerts/rules/down/mutes`)
      .set('Authorization', ops)
      .expect(204);
    await request(server)
      .delete(`${base}/v1/alerts/rules/down`)
      .set('Authorization', ops)
      .expect(204);
    const audited = await knex('audit_events')
      .whereLike('action', 'alert-%')
      .orderBy('id')
      .select('action', 'actor', 'customer_id');
    expect(audited).toEqual(
      [
        'alert-rule-saved',
        'alert-muted',
        'alert-unmuted',
        'alert-rule-deleted',
      ].map(action => ({
        action,
        actor: 'user:default/ops',
        customer_id: null,
      })),
    );
  });
});
