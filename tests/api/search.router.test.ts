import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { buildLead, buildUser } from '../support/factories';
import type { Db } from '../../db/client';
import { searchLeads } from '../../db/queries/search-records';
import { testsUsePostgres } from '../support/postgres';

jest.setTimeout(180_000);

let api: ApiHarness;
let admin: Awaited<ReturnType<typeof buildUser>>;
let cookie: string;
const db = () => api.testDb.db;

beforeAll(async () => {
  api = await startApiHarness();
  admin = await buildUser(db(), { role: 'ADMIN', name: 'Sam Searcher' });
  cookie = await api.login(admin.email);
});
afterAll(() => api?.close());

interface Item {
  type: string;
  id: string;
  title: string;
  subtitle: string;
  highlight: { field: string; parts: Array<{ text: string; mark: boolean }> };
}
async function search(query: string, as = cookie): Promise<Item[]> {
  const answer = await api.request('GET', `/api/search?${query}`, { cookie: as });
  expect(answer.status).toBe(200);
  return answer.body.items;
}
const ids = (items: Item[]) => items.map((item) => item.id);
const q = (text: string) => `q=${encodeURIComponent(text)}`;

describe('GET /api/search', () => {
  it('finds a lead by its phone typed in any format', async () => {
    const lead = await buildLead(db(), admin.id, { sellerName: 'Phoebe Fonseca', sellerPhone: '(513) 867-5309' });
    for (const typed of ['(513) 867-5309', '5138675309', '867-5309', '8675309', '+1 513 867 5309', '513.867.5309', '513-86', '86753']) {
      expect({ typed, ids: ids(await search(q(typed))) }).toEqual({ typed, ids: expect.arrayContaining([lead.id]) });
    }
    const [hit] = (await search(q('867-5309'))).filter((item) => item.id === lead.id);
    expect(hit).toMatchObject({ type: 'lead', title: 'Phoebe Fonseca', highlight: { field: 'phone', parts: [{ text: '(513) 867-5309', mark: true }] } });
    expect(ids(await search(q('867-5310')))).not.toContain(lead.id);
  });

  it("finds a lead by its APN, with or without its separators, and follows an APN that changes", async () => {
    const lead = await buildLead(db(), admin.id, { sellerName: 'Parcel Pete' });
    // The APN comes with a list import; the trigger indexes it in the row's own write.
    await db().lead.update({ where: { id: lead.id }, data: { apn: 'R72-1234-0001' } });
    for (const typed of ['R72-1234-0001', 'R7212340001', 'r72 1234', 'R721234', '1234-0001']) {
      expect({ typed, ids: ids(await search(q(typed))) }).toEqual({ typed, ids: expect.arrayContaining([lead.id]) });
    }
    const [hit] = (await search(q('R7212340001'))).filter((item) => item.id === lead.id);
    expect(hit).toMatchObject({ title: 'Parcel Pete', highlight: { field: 'apn', parts: [{ text: 'R72-1234-0001', mark: true }] } });

    await db().lead.update({ where: { id: lead.id }, data: { apn: '039-118-22' } });
    expect(ids(await search(q('R7212340001')))).not.toContain(lead.id);
    expect(ids(await search(q('03911822')))).toContain(lead.id);
  });

  it('matches prefixes as they are typed and marks the matched word', async () => {
    const lead = await buildLead(db(), admin.id, { sellerName: 'Quentin Marchetti', street: '77 Wisteria Lane', city: 'Kettering', zip: '45429', sellerEmail: 'qmarch@example.com' });
    for (const typed of ['Quen', 'marc', 'quen marc', 'Wister', '77 wis', 'Ketter', '4542', 'qmarch@exa', 'Quéntin']) {
      expect({ typed, ids: ids(await search(q(typed))) }).toEqual({ typed, ids: expect.arrayContaining([lead.id]) });
    }
    expect(ids(await search(q('Marchx')))).not.toContain(lead.id);
    const [hit] = (await search(q('marc'))).filter((item) => item.id === lead.id);
    expect(hit!.highlight).toEqual({ field: 'name', parts: [{ text: 'Quentin ', mark: false }, { text: 'Marchetti', mark: true }] });
    expect(hit!.subtitle).toContain('77 Wisteria Lane, Kettering, OH 45429');
  });

  it('ranks the leads whose name matches first within a type', async () => {
    const street = await buildLead(db(), admin.id, { sellerName: 'Ada Other', street: '5 Zanzibar Rd' });
    const name = await buildLead(db(), admin.id, { sellerName: 'Zanzibar Jones' });
    // Newer and first by name: SQLite puts the newest name match first, PostgreSQL the first by name.
    const newerName = await buildLead(db(), admin.id, { sellerName: 'Zanzibar Adams' });
    const newerStreet = await buildLead(db(), admin.id, { sellerName: 'Bea Other', city: 'Zanzibar' });
    const found = ids(await search(q('zanzibar')));
    expect(found.slice(0, 2)).toEqual([newerName.id, name.id]);
    expect(found.slice(2).sort()).toEqual([street.id, newerStreet.id].sort());
    const buyerId = async (body: Record<string, unknown>) => (await api.request('POST', '/api/buyers', { cookie, body: { markets: ['Dayton, OH'], ...body } })).body.id as string;
    const byName = await buyerId({ name: 'Zanzibar Capital' });
    const byCompany = await buyerId({ name: 'Pat Other', company: 'Zanzibar Homes' });
    expect(ids(await search(`${q('zanzibar')}&types=buyer`))).toEqual([byName, byCompany]);
  });

  it('keeps the index in the same transaction as the lead it indexes', async () => {
    const lead = await buildLead(db(), admin.id, { sellerName: 'Oldname Ostrander' });
    // A rolled-back rename leaves the index as it was; inside the transaction the index already has it.
    await expect(
      db().$transaction(async (tx) => {
        await tx.lead.update({ where: { id: lead.id }, data: { sellerName: 'Rolledback Rhodes' } });
        // (Through the search's own read: FTS5's index on SQLite, the rows themselves on PostgreSQL.)
        const inside = await searchLeads(tx as unknown as Db, { match: '("rolledback"*)', limit: 10, includeArchived: false });
        expect(inside.map((row) => row.id)).toEqual([lead.id]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(ids(await search(q('Rolledback')))).not.toContain(lead.id);
    expect(ids(await search(q('Oldname')))).toContain(lead.id);

    const edited = await api.request('PATCH', `/api/leads/${lead.id}`, { cookie, body: { sellerName: 'Newname Nakamura' } });
    expect(edited.status).toBe(200);
    expect(ids(await search(q('Newname Naka')))).toEqual([lead.id]);
    expect(ids(await search(q('Oldname')))).not.toContain(lead.id);
  });

  it('finds buyers by name, company, e-mail, phone and market, and tasks by title', async () => {
    const created = await api.request('POST', '/api/buyers', { cookie, body: { name: 'Bartholomew Buyer', company: 'Xylo Holdings', email: 'bart@xylo.example', phone: '937-555-0199', markets: ['Yellow Springs, OH'] } });
    expect(created.status).toBe(201);
    const buyerId = created.body.id as string;
    for (const typed of ['Barthol', 'xylo', 'bart@xylo', '(937) 555-0199', '5550199', 'yellow spr']) {
      const items = await search(`${q(typed)}&types=buyer`);
      expect({ typed, ids: ids(items) }).toEqual({ typed, ids: expect.arrayContaining([buyerId]) });
      expect(items.every((item) => item.type === 'buyer')).toBe(true);
    }
    const [market] = (await search(`${q('yellow')}&types=buyer`)).filter((item) => item.id === buyerId);
    expect(market!.highlight).toEqual({ field: 'markets', parts: [{ text: 'Yellow', mark: true }, { text: ' Springs, OH', mark: false }] });

    const task = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Walkthrough at Quimby house', dueAt: new Date(Date.now() + 86_400_000).toISOString(), assigneeId: admin.id } });
    expect(task.status).toBe(201);
    const tasks = await search(q('quimby'));
    expect(tasks).toEqual([expect.objectContaining({ type: 'task', id: task.body.id, title: 'Walkthrough at Quimby house' })]);
  });

  it('groups results by type: leads, then buyers, then tasks', async () => {
    const lead = await buildLead(db(), admin.id, { sellerName: 'Vortigern Vale' });
    const buyer = await db().buyer.create({ data: { name: 'Vortigern Capital' } });
    const task = await db().task.create({ data: { title: 'Call Vortigern back', type: 'FOLLOW_UP', priority: 'MEDIUM', dueAt: new Date(), assigneeId: admin.id } });
    const items = await search(q('vortigern'));
    expect(items.map((item) => [item.type, item.id])).toEqual([['lead', lead.id], ['buyer', buyer.id], ['task', task.id]]);
  });

  it('leaves archived leads and buyers and cancelled tasks out unless asked', async () => {
    const lead = await buildLead(db(), admin.id, { sellerName: 'Archibald Arkwright' });
    await db().lead.update({ where: { id: lead.id }, data: { archivedAt: new Date() } });
    const buyer = await db().buyer.create({ data: { name: 'Archibald Buyer', archivedAt: new Date() } });
    const task = await db().task.create({ data: { title: 'Archibald call', type: 'FOLLOW_UP', priority: 'MEDIUM', dueAt: new Date(), status: 'CANCELLED', assigneeId: admin.id } });
    expect(await search(q('archibald'))).toEqual([]);
    expect(ids(await search(`${q('archibald')}&includeArchived=true`))).toEqual([lead.id, buyer.id, task.id]);
  });

  it("finds a teammate's lead for an agent, as the permission matrix lets agents read the team's leads", async () => {
    const owner = await buildUser(db(), { role: 'AGENT' });
    const agent = await buildUser(db(), { role: 'AGENT' });
    const lead = await buildLead(db(), owner.id, { sellerName: 'Teammate Tilbury' });
    expect(ids(await search(q('tilbury'), await api.login(agent.email)))).toEqual([lead.id]);
  });

  // On PostgreSQL a common word is found by walking the due dates, a rare one by reading its few matches (db/queries/search-postgres.ts).
  it('finds a task whose word thousands of tasks share, and one among them with a rare word, the soonest due first', async () => {
    const base = Date.parse('2027-03-01T12:00:00Z');
    const due = (index: number) => new Date(base + ((index * 7919) % 2_500) * 3_600_000);
    const title = (index: number) => `Inspect roof at ${index} Juniper Way${index % 1_000 === 7 ? ' with Zebulon' : ''}`;
    await db().task.createMany({
      data: Array.from({ length: 2_500 }, (_, index) => ({ title: title(index), type: 'LEAD' as const, priority: 'MEDIUM' as const, dueAt: due(index), assigneeId: admin.id })),
    });
    const common = (await search(`${q('juniper')}&types=task`)).filter((item) => item.type === 'task');
    expect(common.length).toBeGreaterThan(0);
    expect(common.every((item) => item.highlight.parts.some((part) => part.mark && part.text === 'Juniper'))).toBe(true);
    const rare = await search(`${q('zebulon juniper')}&types=task`);
    expect(rare.map((item) => item.title).sort()).toEqual(['Inspect roof at 1007 Juniper Way with Zebulon', 'Inspect roof at 2007 Juniper Way with Zebulon', 'Inspect roof at 7 Juniper Way with Zebulon']);
    if (testsUsePostgres()) {
      // The order PostgreSQL gives (SQLite's is the newest first): by due date, from the first of all 2,500.
      const soonest = Array.from({ length: 2_500 }, (_, index) => ({ title: title(index), at: due(index).getTime() })).sort((a, b) => a.at - b.at);
      expect(common.map((item) => item.title)).toEqual(soonest.slice(0, common.length).map((task) => task.title));
      expect(rare.map((item) => item.title)).toEqual(soonest.filter((task) => task.title.endsWith('Zebulon')).map((task) => task.title));
    }
  });

  it('treats FTS5 syntax in what is typed as plain words', async () => {
    const lead = await buildLead(db(), admin.id, { sellerName: 'Ophelia Orwell' });
    for (const typed of ['"a" OR b*', '-:', 'NEAR(a b)', '*', "o'", '"', 'ophelia -orwell', 'orwell:ophelia', '^ophelia', '(', 'AND', 'ophelia OR']) {
      const answer = await api.request('GET', `/api/search?${q(typed)}`, { cookie });
      expect({ typed, status: answer.status }).toEqual({ typed, status: 200 });
    }
    expect(await search(q('-:'))).toEqual([]);
    expect(ids(await search(q('ophelia -orwell')))).toEqual([lead.id]);
    expect(ids(await search(q('orwell:ophelia')))).toEqual([lead.id]);
  });

  it('refuses an empty, missing or too long q, naming it', async () => {
    for (const query of ['q=', 'q=%20%20', '', `q=${'a'.repeat(101)}`, 'q=x&types=planet']) {
      const answer = await api.request('GET', `/api/search?${query}`, { cookie });
      expect(answer.status).toBe(400);
      expect(Object.keys(answer.body.error.fields)).toEqual([query.includes('types') ? 'types' : 'q']);
    }
  });
});
