import { parse } from 'csv-parse/sync';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { buildLead, buildUser } from '../support/factories';

jest.setTimeout(180_000);

let api: ApiHarness;
let supervisor: Awaited<ReturnType<typeof buildUser>>;
let agent: Awaited<ReturnType<typeof buildUser>>;
let otherAgent: Awaited<ReturnType<typeof buildUser>>;
let supervisorCookie: string;
let agentCookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  const { db } = api.testDb;
  supervisor = await buildUser(db, { role: 'SUPERVISOR', name: 'Sue Pervisor' });
  agent = await buildUser(db, { role: 'AGENT', name: 'Ann Agent' });
  otherAgent = await buildUser(db, { role: 'AGENT', name: 'Otto Other' });
  supervisorCookie = await api.login(supervisor.email);
  agentCookie = await api.login(agent.email);
});
afterAll(() => api?.close());

/** GET an export: its status, headers and rows as objects keyed by the CSV's own header row. */
async function download(path: string, cookie: string) {
  const response = await fetch(`${api.url}${path}`, { headers: { cookie } });
  const text = await response.text();
  if (!response.ok) return { status: response.status, type: response.headers.get('content-type'), disposition: null, header: [] as string[], rows: [] as Record<string, string>[], text };
  const records = parse(text, { bom: true }) as string[][];
  const [header = [], ...lines] = records;
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    header,
    rows: lines.map((line) => Object.fromEntries(header.map((name, index) => [name, line[index] ?? '']))),
    text,
  };
}

/** Every item of a list route, page by page, as the list answers them. */
async function listAll(path: string, cookie: string): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response = await api.request('GET', `${path}${separator}limit=7${cursor ? `&cursor=${cursor}` : ''}`, { cookie });
    expect(response.status).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return items;
}

describe('lead export', () => {
  it('holds the rows of the list with the same filters and sort, with human headers and labels', async () => {
    const { db } = api.testDb;
    for (let index = 0; index < 12; index += 1) {
      await buildLead(db, index % 2 ? agent.id : otherAgent.id, { city: 'Exportville', sellerName: `Zed ${String(index).padStart(2, '0')}`, askingPrice: 50_000 + index * 1_000 });
    }
    await buildLead(db, agent.id, { city: 'Elsewhere', sellerName: 'Not in the view' });
    const contacted = await buildLead(db, agent.id, { city: 'Exportville', sellerName: 'Contacted seller' });
    await db.lead.update({ where: { id: contacted.id }, data: { status: 'CONTACTED' } });

    const query = 'city=Exportville&status=NEW&sort=-askingPrice';
    const listed = await listAll(`/api/leads?${query}`, supervisorCookie);
    const exported = await download(`/api/leads/export.csv?${query}`, supervisorCookie);
    expect(exported.status).toBe(200);
    expect(exported.type).toMatch(/^text\/csv/);
    expect(exported.disposition).toMatch(/^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(exported.header).toEqual(expect.arrayContaining(['Seller name', 'Phone', 'Street', 'City', 'ZIP', 'Property type', 'Status', 'Source', 'Asking price', 'MAO', 'Owner', 'Created', 'ID']));
    expect(exported.rows.map((row) => row.ID)).toEqual(listed.map((lead) => lead.id));
    expect(exported.rows).toHaveLength(12);
    expect(exported.rows[0]).toMatchObject({ 'Seller name': 'Zed 11', City: 'Exportville', Status: 'New', 'Property type': 'Single family', Source: 'Direct mail', 'Asking price': '61000', Owner: 'Ann Agent' });
  });

  it('escapes cells that a spreadsheet would run as formulas', async () => {
    const { db } = api.testDb;
    const lead = await buildLead(db, agent.id, {
      city: 'Formulaville',
      sellerName: '=HYPERLINK("http://evil.test","Click")',
      street: '+1 Main St',
      sellerPhone: '-2+3',
      sellerEmail: '@SUM(A1:A2)',
    });
    await db.lead.update({ where: { id: lead.id }, data: { tags: JSON.stringify(['\tcmd', 'plain']) } });
    const exported = await download('/api/leads/export.csv?city=Formulaville', supervisorCookie);
    expect(exported.rows).toHaveLength(1);
    expect(exported.rows[0]).toMatchObject({
      'Seller name': `'=HYPERLINK("http://evil.test","Click")`,
      Street: "'+1 Main St",
      Phone: "'-2+3",
      'E-mail': "'@SUM(A1:A2)",
      Tags: "'\tcmd, plain",
    });
  });

  it("gives an agent only the leads they own, whatever the filters say", async () => {
    const everyone = await download('/api/leads/export.csv?city=Exportville', supervisorCookie);
    const owners = new Set(everyone.rows.map((row) => row.Owner));
    expect(owners).toEqual(new Set(['Ann Agent', 'Otto Other']));
    const mine = await download('/api/leads/export.csv?city=Exportville', agentCookie);
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((row) => row.Owner === 'Ann Agent')).toBe(true);
    expect(mine.rows).toHaveLength(everyone.rows.filter((row) => row.Owner === 'Ann Agent').length);
    const asked = await download(`/api/leads/export.csv?city=Exportville&ownerId=${otherAgent.id}`, agentCookie);
    expect(asked.rows.every((row) => row.Owner === 'Ann Agent')).toBe(true);
  });

  it('pages through a list longer than one export page without losing or repeating a row', async () => {
    const { db } = api.testDb;
    const rows = Array.from({ length: 1_234 }, (_, index) => ({
      sellerName: `Bulk ${index}`,
      street: `${index} Bulk Rd`,
      city: 'Bulkton',
      state: 'OH',
      zip: '45402',
      ownerId: otherAgent.id,
      createdAt: new Date(Date.UTC(2026, 0, 1) + (index % 50) * 60_000),
    }));
    await db.lead.createMany({ data: rows });
    const exported = await download('/api/leads/export.csv?city=Bulkton&sort=createdAt', supervisorCookie);
    expect(exported.rows).toHaveLength(1_234);
    expect(new Set(exported.rows.map((row) => row.ID)).size).toBe(1_234);
    const created = exported.rows.map((row) => row.Created);
    expect([...created].sort()).toEqual(created);
  });

  it('refuses a bad filter with the JSON 400 of the list route', async () => {
    const response = await api.request('GET', '/api/leads/export.csv?status=MAYBE', { cookie: supervisorCookie });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ status: expect.stringContaining('must list statuses') });
  });
});

describe('buyer export', () => {
  it('holds the buyers of the list with its filters and sort', async () => {
    const { db } = api.testDb;
    await db.buyer.create({ data: { name: 'Beta Cash', cashBuyer: true, status: 'ACTIVE', email: 'beta@buyers.test', propertyTypes: '["SFR","CONDO"]', strategies: '["FLIP"]', markets: '["Dayton"]' } });
    await db.buyer.create({ data: { name: 'Alpha Cash', cashBuyer: true, status: 'ACTIVE', company: '-Alpha LLC' } });
    await db.buyer.create({ data: { name: 'Gamma Loan', cashBuyer: false, status: 'ACTIVE' } });
    const query = 'cash=true&sort=name';
    const listed = await listAll(`/api/buyers?${query}`, supervisorCookie);
    const exported = await download(`/api/buyers/export.csv?${query}`, supervisorCookie);
    expect(exported.status).toBe(200);
    expect(exported.rows.map((row) => row.Name)).toEqual(['Alpha Cash', 'Beta Cash']);
    expect(exported.rows.map((row) => row.ID)).toEqual(listed.map((buyer) => buyer.id));
    expect(exported.rows[0]).toMatchObject({ Company: "'-Alpha LLC", 'Cash buyer': 'Yes', Status: 'Active' });
    expect(exported.rows[1]).toMatchObject({ 'Property types': 'Single family, Condo', Strategies: 'Flip', Markets: 'Dayton', 'E-mail': 'beta@buyers.test' });
  });
});

describe('task export', () => {
  it("holds the view's tasks with its filters and sort, and an agent only their own", async () => {
    const { db } = api.testDb;
    const lead = await buildLead(db, agent.id, { sellerName: 'Task Seller', street: '9 Task Ave', city: 'Dayton' });
    const due = (hours: number) => new Date(Date.now() + hours * 3_600_000);
    const make = (title: string, assigneeId: string, priority: string, hours: number) =>
      db.task.create({ data: { title, type: 'LEAD', priority, dueAt: due(hours), status: 'ASSIGNED', assigneeId, createdById: supervisor.id, leadId: lead.id } });
    await make('Call the seller', agent.id, 'HIGH', 5);
    await make('@Send comps', agent.id, 'HIGH', 2);
    await make('Low chore', agent.id, 'LOW', 1);
    await make("Otto's call", otherAgent.id, 'HIGH', 3);

    const query = `priority=HIGH&leadId=${lead.id}&sort=dueAt`;
    const listed = await listAll(`/api/tasks?view=team&${query}`, supervisorCookie);
    const team = await download(`/api/tasks/export.csv?view=team&${query}`, supervisorCookie);
    expect(team.rows.map((row) => row.ID)).toEqual(listed.map((task) => task.id));
    expect(team.rows.map((row) => row.Title)).toEqual(["'@Send comps", "Otto's call", 'Call the seller']);
    expect(team.rows[0]).toMatchObject({ Priority: 'High', Status: 'Assigned', Type: 'Lead', Assignee: 'Ann Agent', 'Created by': 'Sue Pervisor', About: 'Task Seller, 9 Task Ave, Dayton' });

    const agentsOwn = await download(`/api/tasks/export.csv?view=team&${query}`, agentCookie);
    expect(agentsOwn.rows.map((row) => row.Title)).toEqual(["'@Send comps", 'Call the seller']);
  });
});
