import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { openEventStream } from '../support/sse-client';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

let api: ApiHarness;
let agent: { id: string; email: string };
let cookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  agent = await buildUser(api.testDb.db, { role: 'AGENT' });
  cookie = await api.login(agent.email);
});
afterAll(() => api?.close());

describe('GET /api/events (SSE)', () => {
  it('streams lead.created, then the task.created of its contact task, with the Event id as SSE id', async () => {
    const stream = openEventStream(`${api.url}/api/events`, cookie);
    try {
      await stream.opened;
      const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ sellerName: 'Stream Seller' }) })).body;
      const created = await stream.waitFor((e) => e.name === 'lead.created' && e.data.entityId === lead.id);
      expect(created.data).toMatchObject({ entityType: 'lead', entityId: lead.id, action: 'created', actorId: agent.id, entity: { sellerName: 'Stream Seller' } });
      const taskCreated = await stream.waitFor((e) => e.name === 'task.created' && e.data.entity.leadId === lead.id);
      expect(taskCreated.data.entity).toMatchObject({ title: 'Contact lead within 1 hour', status: 'CREATED' });

      const row = await api.testDb.db.event.findFirstOrThrow({ where: { entityId: lead.id, action: 'created' } });
      expect(created.id).toBe(String(row.id));
      expect(Number(taskCreated.id)).toBeGreaterThan(Number(created.id));
    } finally {
      stream.close();
    }
  });

  it('replays every event after Last-Event-ID to a client that reconnects', async () => {
    const first = openEventStream(`${api.url}/api/events`, cookie);
    await first.opened;
    const before = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput() })).body;
    const seen = await first.waitFor((e) => e.name === 'task.assigned' && e.data.entity.leadId === before.id);
    first.close();

    const missed = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ sellerName: 'While Away' }) })).body;
    await waitUntil('the missed lead to be assigned its task', () =>
      api.testDb.db.task.findFirst({ where: { leadId: missed.id, status: 'ASSIGNED' } }),
    );

    const resumed = openEventStream(`${api.url}/api/events`, cookie, { 'last-event-id': seen.id });
    try {
      await resumed.waitFor((e) => e.name === 'task.assigned' && e.data.entity.leadId === missed.id);
      const expected = await api.testDb.db.event.findMany({
        where: { id: { gt: Number(seen.id) }, OR: [{ audienceUserId: null }, { audienceUserId: agent.id }] },
        orderBy: { id: 'asc' },
      });
      const replayed = resumed.received.slice(0, expected.length).map((e) => Number(e.id));
      expect(replayed).toEqual(expected.map((e) => e.id));
      expect(resumed.received.every((e) => Number(e.id) > Number(seen.id))).toBe(true);
    } finally {
      resumed.close();
    }
  });

  it("sends a notification only to its recipient", async () => {
    const other = await buildUser(api.testDb.db, { role: 'AGENT' });
    const otherCookie = await api.login(other.email);
    const mine = openEventStream(`${api.url}/api/events`, cookie);
    const theirs = openEventStream(`${api.url}/api/events`, otherCookie);
    try {
      await Promise.all([mine.opened, theirs.opened]);
      const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput() })).body;
      const notified = await mine.waitFor((e) => e.name === 'notification.created' && e.data.entity.title === 'New task: Contact lead within 1 hour');
      // The contact task is HIGH priority, so its notice is too (desktop alerts go by it).
      expect(notified.data.entity).toMatchObject({ kind: 'TASK_ASSIGNED', priority: 'HIGH' });
      // The other user sees the lead and task events, but not the agent's notification.
      await theirs.waitFor((e) => e.name === 'task.assigned' && e.data.entity.leadId === lead.id);
      const later = (await api.request('POST', '/api/leads', { cookie: otherCookie, body: buildLeadInput() })).body;
      const laterEvent = await theirs.waitFor((e) => e.name === 'lead.created' && e.data.entityId === later.id);
      expect(Number(laterEvent.id)).toBeGreaterThan(Number(notified.id));
      expect(theirs.received.some((e) => e.name === 'notification.created')).toBe(false);
    } finally {
      mine.close();
      theirs.close();
    }
  });
});

describe('GET /api/events/recent', () => {
  it('returns the newest visible events first', async () => {
    const response = await api.request('GET', '/api/events/recent?limit=5', { cookie });
    expect(response.status).toBe(200);
    const ids = response.body.items.map((e: { id: number }) => e.id);
    expect(ids).toHaveLength(5);
    expect([...ids].sort((a: number, b: number) => b - a)).toEqual(ids);
  });
});
