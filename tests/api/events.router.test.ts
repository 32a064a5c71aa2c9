import { MAX_STREAMS_PER_USER } from '../../api/sse/event-hub';
import { buildLead, buildLeadInput, buildUser } from '../support/factories';
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

describe('live streams per user', () => {
  it(`holds at most ${MAX_STREAMS_PER_USER} streams of one user at once: the next is a 429 until one closes, and others' streams are not counted`, async () => {
    const busy = await buildUser(api.testDb.db, { role: 'AGENT' });
    const busyCookie = await api.login(busy.email);
    const streams = Array.from({ length: MAX_STREAMS_PER_USER }, () => openEventStream(`${api.url}/api/events`, busyCookie));
    try {
      await Promise.all(streams.map((stream) => stream.opened));
      const refused = await fetch(`${api.url}/api/events`, { headers: { cookie: busyCookie } });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).not.toBeNull();
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/close another tab/);
      // Someone else still gets theirs.
      const other = openEventStream(`${api.url}/api/events`, cookie);
      await other.opened;
      other.close();
      // One closed: a new one opens once the server has seen it go.
      streams.pop()!.close();
      await waitUntil('a stream to open again', async () => {
        const again = openEventStream(`${api.url}/api/events`, busyCookie);
        try {
          await again.opened;
          return true;
        } catch {
          return false;
        } finally {
          again.close();
        }
      });
    } finally {
      for (const stream of streams) stream.close();
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

describe("a document's events reach only those who may see the document", () => {
  const NAMES = ['document.created', 'document.updated', 'document.archived', 'document.purged', 'lead.created'];
  let owner: { id: string; email: string };
  let otherAgent: { id: string; email: string };
  let supervisor: { id: string; email: string };
  let acquisitions: { id: string; email: string };
  let admin: { id: string; email: string };
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = api.testDb;
    owner = await buildUser(db, { role: 'AGENT', name: 'Olive Owner' });
    otherAgent = await buildUser(db, { role: 'AGENT', name: 'Otto Other' });
    supervisor = await buildUser(db, { role: 'SUPERVISOR' });
    acquisitions = await buildUser(db, { role: 'ACQUISITIONS' });
    admin = await buildUser(db, { role: 'ADMIN' });
    for (const user of [owner, otherAgent, supervisor, acquisitions, admin]) cookies[user.id] = await api.login(user.email);
  });

  const createDocument = async (user: { id: string }, body: Record<string, unknown>) => {
    const created = await api.request('POST', '/api/documents', { cookie: cookies[user.id], body });
    expect(created.status).toBe(201);
    return created.body as { id: string };
  };
  const streamOf = (user: { id: string }, lastEventId?: string) =>
    openEventStream(`${api.url}/api/events`, cookies[user.id]!, lastEventId === undefined ? {} : { 'last-event-id': lastEventId }, NAMES);
  const recentOf = async (user: { id: string }) => (await api.request('GET', '/api/events/recent?limit=200', { cookie: cookies[user.id] })).body.items as Array<{ entityId: string; name: string }>;

  it("streams an agent only the events of the documents of their records and of their uploads, live and on replay from 0, and lists only those as recent", async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const buyer = await api.testDb.db.buyer.create({ data: { name: 'Cash Carla', ownerId: acquisitions.id, cashBuyer: true } });
    const streams = { owner: streamOf(owner), other: streamOf(otherAgent), supervisor: streamOf(supervisor), acquisitions: streamOf(acquisitions) };
    try {
      await Promise.all(Object.values(streams).map((stream) => stream.opened));
      const contract = await createDocument(owner, { leadId: lead.id, kind: 'PURCHASE_CONTRACT', fileName: 'Signed PSA 92,500.pdf' });
      expect((await api.request('PATCH', `/api/documents/${contract.id}`, { cookie: cookies[owner.id], body: { expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } })).status).toBe(200);
      expect((await api.request('POST', `/api/documents/${contract.id}/archive`, { cookie: cookies[owner.id] })).status).toBe(200);
      expect((await api.request('DELETE', `/api/documents/${contract.id}`, { cookie: cookies[admin.id] })).status).toBe(204);
      const letter = await createDocument(acquisitions, { buyerId: buyer.id, kind: 'PROOF_OF_FUNDS', fileName: 'Carla bank letter.pdf' });
      // The other agent's own upload on the owner's lead: they see it, and so does the lead's owner.
      const photo = await createDocument(otherAgent, { leadId: lead.id, kind: 'PHOTO', fileName: 'porch.png' });

      const hidden = [contract.id, letter.id];
      for (const stream of [streams.owner, streams.supervisor, streams.acquisitions]) {
        await stream.waitFor((e) => e.name === 'document.created' && e.data.entityId === photo.id);
      }
      expect(streams.owner.received.filter((e) => e.data.entityId === contract.id).map((e) => e.name)).toEqual(['document.created', 'document.updated', 'document.archived', 'document.purged']);
      expect(streams.owner.received.some((e) => e.data.entityId === letter.id)).toBe(false);
      for (const stream of [streams.supervisor, streams.acquisitions]) {
        expect(stream.received.filter((e) => hidden.includes(e.data.entityId)).map((e) => e.name)).toEqual(['document.created', 'document.updated', 'document.archived', 'document.purged', 'document.created']);
      }
      // Events stream in order: by the time the other agent has their own upload, they would have had the others.
      const mine = await streams.other.waitFor((e) => e.name === 'document.created' && e.data.entityId === photo.id);
      expect(mine.data.entity).toMatchObject({ fileName: 'porch.png', uploadedById: otherAgent.id, recordOwnerId: owner.id });
      expect(streams.other.received.filter((e) => e.name.startsWith('document.')).map((e) => e.data.entityId)).toEqual([photo.id]);
      expect(JSON.stringify(streams.other.received)).not.toMatch(/Signed PSA|bank letter/);

      // Reconnecting from the start replays nothing more.
      const marker = (await api.request('POST', '/api/leads', { cookie: cookies[otherAgent.id], body: buildLeadInput() })).body as { id: string };
      const replay = streamOf(otherAgent, '0');
      try {
        await replay.waitFor((e) => e.name === 'lead.created' && e.data.entityId === marker.id);
        const replayedDocuments = replay.received.filter((e) => e.name.startsWith('document.'));
        expect(replayedDocuments.map((e) => e.data.entityId)).toEqual([photo.id]);
        expect(JSON.stringify(replay.received)).not.toMatch(/Signed PSA|bank letter/);
      } finally {
        replay.close();
      }

      // The dashboard's feed: the same rule.
      const documentsIn = (items: Array<{ entityId: string; name: string }>) => items.filter((e) => e.name.startsWith('document.')).map((e) => e.entityId);
      expect(documentsIn(await recentOf(otherAgent))).toEqual([photo.id]);
      expect(documentsIn(await recentOf(owner))).toEqual([photo.id, contract.id, contract.id, contract.id, contract.id]);
      expect(documentsIn(await recentOf(supervisor))).toEqual([photo.id, letter.id, contract.id, contract.id, contract.id, contract.id]);
    } finally {
      for (const stream of Object.values(streams)) stream.close();
    }
  });

  it('keeps a document event stored before events carried the record owner from every agent, its uploader included', async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const before = streamOf(otherAgent);
    const supervisorStream = streamOf(supervisor);
    try {
      await Promise.all([before.opened, supervisorStream.opened]);
      // As document events were written before: the document's JSON, uploader included, and no recordOwnerId.
      const old = await api.testDb.db.event.create({
        data: {
          entityType: 'document',
          entityId: 'old-document',
          action: 'created',
          actorId: otherAgent.id,
          payload: JSON.stringify({ id: 'old-document', kind: 'PURCHASE_CONTRACT', fileName: 'Old contract.pdf', leadId: lead.id, uploadedById: otherAgent.id, expiresAt: null }),
        },
      });
      await supervisorStream.waitFor((e) => e.name === 'document.created' && e.data.entityId === 'old-document');
      const marker = (await api.request('POST', '/api/leads', { cookie: cookies[otherAgent.id], body: buildLeadInput() })).body as { id: string };
      await before.waitFor((e) => e.name === 'lead.created' && e.data.entityId === marker.id);
      expect(before.received.some((e) => e.data.entityId === 'old-document')).toBe(false);

      const replay = streamOf(otherAgent, String(old.id - 1));
      try {
        await replay.waitFor((e) => e.name === 'lead.created' && e.data.entityId === marker.id);
        expect(replay.received.some((e) => e.data.entityId === 'old-document')).toBe(false);
      } finally {
        replay.close();
      }
      expect((await recentOf(otherAgent)).some((e) => e.entityId === 'old-document')).toBe(false);
      expect((await recentOf(acquisitions)).some((e) => e.entityId === 'old-document')).toBe(true);
    } finally {
      before.close();
      supervisorStream.close();
    }
  });

  it("fills an agent's feed page from past the newest events they may not see", async () => {
    // Five events everyone sees, written straight to the table (a lead made through the API would
    // have its workflows write more events at any moment), then more hidden events than the feed reads at a time.
    const { db } = api.testDb;
    await db.event.createMany({
      data: Array.from({ length: 5 }, (_, n) => ({ entityType: 'lead', entityId: `visible-${n}`, action: 'updated', actorId: otherAgent.id, payload: JSON.stringify({ id: `visible-${n}` }) })),
    });
    // Another agent's contracts on the owner's leads.
    const lead = await buildLead(db, owner.id);
    await db.event.createMany({
      data: Array.from({ length: 450 }, (_, n) => ({
        entityType: 'document',
        entityId: `hidden-${n}`,
        action: 'created',
        actorId: owner.id,
        payload: JSON.stringify({ id: `hidden-${n}`, kind: 'PURCHASE_CONTRACT', fileName: `contract ${n}.pdf`, leadId: lead.id, uploadedById: owner.id, recordOwnerId: owner.id }),
      })),
    });
    const firstHidden = await db.event.findFirstOrThrow({ where: { entityId: 'hidden-0' } });
    const page = await api.request('GET', '/api/events/recent?limit=5', { cookie: cookies[otherAgent.id] });
    expect(page.body.items).toHaveLength(5);
    expect(page.body.items.some((e: { entityType: string }) => e.entityType === 'document')).toBe(false);
    // Under the hidden ones the page goes on with the newest events written before them: the five
    // visible ones and whatever a workflow of an earlier test wrote between them (it writes no documents).
    const fromUnderHidden = (page.body.items as Array<{ id: number }>).filter((item) => item.id < firstHidden.id).map((item) => item.id);
    const underHidden = await db.event.findMany({ where: { id: { lt: firstHidden.id }, entityType: { not: 'document' }, OR: [{ audienceUserId: null }, { audienceUserId: otherAgent.id }] }, orderBy: { id: 'desc' }, take: fromUnderHidden.length, select: { id: true } });
    expect(fromUnderHidden).toEqual(underHidden.map((event) => event.id));
    // The owner sees the contracts: the newest of them, after anything written since.
    const owners = (await api.request('GET', '/api/events/recent?limit=5', { cookie: cookies[owner.id] })).body.items as Array<{ id: number; entityId: string }>;
    const upToHidden = owners.filter((item) => item.entityId.startsWith('hidden-')).map((item) => item.entityId);
    expect(upToHidden).toEqual(['hidden-449', 'hidden-448', 'hidden-447', 'hidden-446', 'hidden-445'].slice(0, upToHidden.length));
    expect(upToHidden.length).toBeGreaterThan(0);
  });

  it("follows the record's owner as each event is written: after a lead changes hands its new owner gets the new events, the old owner keeps what it had", async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const disclosure = await createDocument(supervisor, { leadId: lead.id, kind: 'DISCLOSURE', fileName: 'Lead paint disclosure.pdf' });
    await api.testDb.db.lead.update({ where: { id: lead.id }, data: { ownerId: otherAgent.id } });
    expect((await api.request('PATCH', `/api/documents/${disclosure.id}`, { cookie: cookies[supervisor.id], body: { kind: 'OTHER' } })).status).toBe(200);

    const eventsOf = async (user: { id: string }) => (await recentOf(user)).filter((e) => e.entityId === disclosure.id).map((e) => e.name);
    expect(await eventsOf(owner)).toEqual(['document.created']);
    expect(await eventsOf(otherAgent)).toEqual(['document.updated']);
    // And the list agrees with the newest: the document is the new owner's now.
    expect((await api.request('GET', `/api/documents?leadId=${lead.id}`, { cookie: cookies[owner.id] })).body.items).toEqual([]);
    expect((await api.request('GET', `/api/documents?leadId=${lead.id}`, { cookie: cookies[otherAgent.id] })).body.items.map((item: { id: string }) => item.id)).toEqual([disclosure.id]);
  });
});
