import ical, { type VEvent } from 'node-ical';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { buildLead, buildUser } from '../support/factories';

jest.setTimeout(180_000);

let api: ApiHarness;
let agent: Awaited<ReturnType<typeof buildUser>>;
let agentCookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  agent = await buildUser(api.testDb.db, { role: 'AGENT', name: 'Cal Endar' });
  agentCookie = await api.login(agent.email);
});
afterAll(() => api?.close());

/** The feed at `url`, fetched as a calendar app does: no cookie, no client header. */
async function fetchFeed(url: string) {
  const path = new URL(url).pathname;
  const response = await fetch(`${api.url}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** A property's value: node-ical gives `{params, val}` for one with parameters (URL;VALUE=URI). */
const valueOf = (property: unknown): string => (typeof property === 'object' && property !== null && 'val' in property ? String(property.val) : String(property));

const eventsOf = (text: string): VEvent[] => Object.values(ical.sync.parseICS(text)).filter((item): item is VEvent => item?.type === 'VEVENT');

describe('calendar feed', () => {
  it("lists the user's open tasks as events with due time, title, link and priority, without a session", async () => {
    const { db } = api.testDb;
    const other = await buildUser(db, { role: 'AGENT' });
    const lead = await buildLead(db, agent.id, { sellerName: 'Ada Seller', street: '4 Elm St', city: 'Dayton' });
    const dueAt = new Date(Date.UTC(2027, 0, 15, 14, 30));
    const open = await db.task.create({ data: { title: 'Call Ada back', type: 'LEAD', priority: 'HIGH', dueAt, status: 'ASSIGNED', assigneeId: agent.id, leadId: lead.id } });
    const low = await db.task.create({ data: { title: 'File the notes', type: 'ADMIN', priority: 'LOW', dueAt: new Date(Date.UTC(2027, 0, 16, 9)), status: 'IN_PROGRESS', assigneeId: agent.id } });
    await db.task.create({ data: { title: 'Done already', type: 'ADMIN', priority: 'LOW', dueAt, status: 'COMPLETED', assigneeId: agent.id, completedAt: new Date() } });
    await db.task.create({ data: { title: 'Not mine', type: 'ADMIN', priority: 'LOW', dueAt, status: 'ASSIGNED', assigneeId: other.id } });

    const link = await api.request('GET', '/api/me/calendar-link', { cookie: agentCookie });
    expect(link.status).toBe(200);
    expect(link.body.url).toMatch(new RegExp(`^${api.appUrl}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    // Asking again gives the same link: it is made once.
    expect((await api.request('GET', '/api/me/calendar-link', { cookie: agentCookie })).body.url).toBe(link.body.url);

    const feed = await fetchFeed(link.body.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    const events = eventsOf(feed.text);
    expect(events.map((event) => event.summary)).toEqual(['Call Ada back', 'File the notes']);
    const [call] = events;
    expect(call!.start.toISOString()).toBe(dueAt.toISOString());
    expect(call!.end!.getTime() - call!.start.getTime()).toBe(30 * 60_000);
    expect(call!.uid).toBe(`task-${open.id}@flipstackk`);
    expect(valueOf(call!.url)).toBe(`${api.appUrl}/tasks/${open.id}`);
    expect(valueOf(call!.description)).toContain('About: Ada Seller, 4 Elm St, Dayton');
    expect(valueOf(call!.description)).toContain('Priority: High');
    expect(Number(valueOf((call as unknown as { priority: unknown }).priority))).toBe(1);
    expect(Number(valueOf((events[1] as unknown as { priority: unknown }).priority))).toBe(9);
    expect(events[1]!.uid).toBe(`task-${low.id}@flipstackk`);
    // The token is kept only as a hash.
    const token = new URL(link.body.url).pathname.replace(/^\/api\/calendar\//, '').replace(/\.ics$/, '');
    const row = await db.calendarFeed.findUniqueOrThrow({ where: { userId: agent.id } });
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('answers 404 for the old link after a reset, and the new link works', async () => {
    const before = (await api.request('GET', '/api/me/calendar-link', { cookie: agentCookie })).body.url as string;
    const reset = await api.request('POST', '/api/me/calendar-link/reset', { cookie: agentCookie });
    expect(reset.status).toBe(200);
    expect(reset.body.url).not.toBe(before);
    expect((await fetchFeed(before)).status).toBe(404);
    expect((await fetchFeed(reset.body.url)).status).toBe(200);
    expect((await api.request('GET', '/api/me/calendar-link', { cookie: agentCookie })).body.url).toBe(reset.body.url);
  });

  it('answers 404 for a token that was never given, and for a deactivated user', async () => {
    expect((await fetchFeed(`${api.appUrl}/api/calendar/${'x'.repeat(43)}.ics`)).status).toBe(404);
    const leaver = await buildUser(api.testDb.db, { role: 'AGENT' });
    const url = (await api.request('GET', '/api/me/calendar-link', { cookie: await api.login(leaver.email) })).body.url as string;
    expect((await fetchFeed(url)).status).toBe(200);
    await api.testDb.db.user.update({ where: { id: leaver.id }, data: { active: false } });
    expect((await fetchFeed(url)).status).toBe(404);
  });

  it('needs a session to get or reset a link', async () => {
    expect((await api.request('GET', '/api/me/calendar-link')).status).toBe(401);
    expect((await api.request('POST', '/api/me/calendar-link/reset')).status).toBe(401);
  });
});
