import { BUYER_LIST_PAGE_FIELDS } from '../../domain/buyers/buyer-list-fields';
import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { buyerWorkflowId } from '../../domain/workflow-ids';
import { getBuyerStateQuery } from '../../workflows/buyers/buyer.messages';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

let api: ApiHarness;
let cookie: string;
let agentCookie: string;
let busyAcquisitions: { id: string };
let freeAcquisitions: { id: string };

beforeAll(async () => {
  api = await startApiHarness();
  const { db } = api.testDb;
  busyAcquisitions = await buildUser(db, { role: 'ACQUISITIONS' });
  freeAcquisitions = await buildUser(db, { role: 'ACQUISITIONS' });
  await buildUser(db, { role: 'ACQUISITIONS', active: false });
  await db.task.create({ data: { title: 'Busy', type: 'BUYER', priority: 'HIGH', dueAt: new Date(), status: 'ASSIGNED', assigneeId: busyAcquisitions.id } });
  // A supervisor works the buyers here: a new acquisitions user would be the least loaded.
  cookie = await api.login((await buildUser(db, { role: 'SUPERVISOR' })).email);
  agentCookie = await api.login((await buildUser(db, { role: 'AGENT' })).email);
});
afterAll(() => api?.close());

let buyerCount = 0;
// Each buyer its own e-mail: a second buyer with the same one is a duplicate (409).
const buyerInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Cash Flow Capital',
  email: `deals${(buyerCount += 1)}@cashflow.test`,
  cashBuyer: true,
  proofOfFundsAmount: 500_000,
  markets: ['Dayton, OH', '45402'],
  propertyTypes: ['SFR', 'TOWNHOUSE'],
  minPrice: 50_000,
  maxPrice: 150_000,
  minBeds: 2,
  ...overrides,
});

describe('buyers', () => {
  it('creates a buyer, starts buyer-<id> and gives "Verify proof of funds" to the least-loaded acquisitions user', async () => {
    const response = await api.request('POST', '/api/buyers', { cookie, body: buyerInput() });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: 'Cash Flow Capital', status: 'NEW', markets: ['Dayton, OH', '45402'], cashBuyer: true });
    const task = await waitUntil('the proof-of-funds task', () =>
      api.testDb.db.task.findFirst({ where: { buyerId: response.body.id, status: 'ASSIGNED' } }),
    );
    expect(task).toMatchObject({ title: 'Verify proof of funds: Cash Flow Capital', priority: 'HIGH', type: 'BUYER', assigneeId: freeAcquisitions.id });
    const run = await api.temporal.client.workflow.getHandle(buyerWorkflowId(response.body.id)).describe();
    expect(run.status.name).toBe('RUNNING');
  });

  it.each([
    [{ name: '' }, { name: 'is required' }],
    [{ minPrice: 200_000, maxPrice: 100_000 }, { maxPrice: 'must not be below the min price' }],
    [{ propertyTypes: ['CASTLE'] }, { 'propertyTypes.0': expect.stringContaining('must be one of') }],
    [{ markets: 'Dayton' }, { markets: 'must be a list' }],
    [{ markets: ['Dayton, OH', '4540Z'] }, { markets: 'must be 5-digit ZIP codes or cities with their state: "4540Z" is not a 5-digit ZIP code' }],
    [{ markets: ['Dayton, XX'] }, { markets: 'must be 5-digit ZIP codes or cities with their state: "Dayton, XX" does not end in a US state code like OH' }],
    [{ markets: ['Dayton'] }, { markets: 'must be 5-digit ZIP codes or cities with their state: "Dayton" needs its state, like "Dayton, OH"' }],
    [{ markets: ['45402-1234'] }, { markets: 'must be 5-digit ZIP codes or cities with their state: "45402-1234" is a ZIP+4: enter the 5-digit ZIP code 45402' }],
    [{ proofOfFundsAmount: '95k' }, { proofOfFundsAmount: expect.stringContaining('number') }],
    [{ email: 'nope' }, { email: 'must be an e-mail address' }],
    [{ phone: 'call me maybe' }, { phone: 'must be a phone number' }],
    [{ phone: '555' }, { phone: 'must be a phone number' }],
  ])('refuses %p with a 400 naming the field', async (overrides, fields) => {
    const response = await api.request('POST', '/api/buyers', { cookie, body: buyerInput(overrides) });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual(fields);
  });

  it('lists buyers by market, cash, property type and price', async () => {
    await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Toledo Rentals', cashBuyer: false, markets: ['Toledo, OH'], propertyTypes: ['MULTI_FAMILY'] }) });
    const names = async (query: string) =>
      (await api.request('GET', `/api/buyers?${query}`, { cookie })).body.items.map((buyer: { name: string }) => buyer.name);
    expect(await names('market=toledo')).toEqual(['Toledo Rentals']);
    expect(await names('cash=false')).toEqual(['Toledo Rentals']);
    expect(await names('propertyType=MULTI_FAMILY')).toEqual(['Toledo Rentals']);
    expect(await names('price=40000')).toEqual([]);
    const lean = (await api.request('GET', '/api/buyers?market=toledo&fields=name,cashBuyer', { cookie })).body.items;
    expect(lean).toEqual([{ id: expect.any(String), name: 'Toledo Rentals', cashBuyer: false }]);
    expect((await api.request('GET', '/api/buyers?fields=secret', { cookie })).status).toBe(400);
    const sorted = await names('sort=name');
    expect(sorted).toEqual([...sorted].sort((a: string, b: string) => a.localeCompare(b)));
    expect((await api.request('GET', '/api/buyers?price=abc', { cookie })).body.error.fields).toEqual({ price: 'must be a whole number' });
  });

  it("answers the list as the web app asks for it (fields=, only those columns read): each page's items are the whole page's, projected, with the same cursors", async () => {
    for (const name of ['Page Lean A', 'Page Lean B', 'Page Lean C']) await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name, markets: ['Piqua, OH'] }) });
    const picked = (record: Record<string, unknown>) => Object.fromEntries(['id', ...BUYER_LIST_PAGE_FIELDS].filter((key) => key in record).map((key) => [key, record[key]]));
    type ListPage = { items: Array<Record<string, unknown>>; nextCursor: string | null };
    for (const sort of ['name', '-createdAt']) {
      const page = async (fields: string, cursor: string | null): Promise<ListPage> =>
        (await api.request('GET', `/api/buyers?market=piqua&limit=2&sort=${sort}${fields}${cursor ? `&cursor=${cursor}` : ''}`, { cookie })).body as ListPage;
      let cursor: string | null = null;
      let seen = 0;
      do {
        const whole: ListPage = await page('', cursor);
        const lean: ListPage = await page(`&fields=${BUYER_LIST_PAGE_FIELDS.join(',')}`, cursor);
        expect(lean.items).toEqual(whole.items.map(picked));
        expect(lean.nextCursor).toBe(whole.nextCursor);
        seen += whole.items.length;
        cursor = whole.nextCursor;
      } while (cursor);
      expect(seen).toBe(3);
    }
  });

  it('updates preferences and keeps the price range ordered', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Prefs Buyer' }) })).body;
    const updated = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { markets: ['Kettering, OH'], maxPrice: 90_000 } });
    expect(updated.body).toMatchObject({ markets: ['Kettering, OH'], maxPrice: 90_000, minPrice: 50_000 });
    const refused = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { maxPrice: 10_000 } });
    expect(refused).toMatchObject({ status: 400, body: { error: { fields: { maxPrice: 'must not be below the min price' } } } });
    expect((await api.request('GET', `/api/buyers?market=kettering`, { cookie })).body.items.map((b: { id: string }) => b.id)).toEqual([buyer.id]);
  });

  it("refuses preferences saved against a version someone else has changed since (If-Match) with a 412, and keeps their change", async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Two Editors' }) })).body;
    const read = await fetch(`${api.url}/api/buyers/${buyer.id}`, { headers: { cookie } });
    const etag = read.headers.get('etag');
    expect(etag).toBe(`"${buyer.updatedAt}"`);
    const theirs = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { maxPrice: 180_000 } });
    expect(theirs.status).toBe(200);
    // The form sends every field as it was filled: without the check it would put the old max price back.
    const stale = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { ...buyerInput({ name: 'Two Editors', email: buyer.email }), company: 'Mine' }, headers: { 'if-match': etag! } });
    expect(stale).toMatchObject({ status: 412, body: { error: { code: 'PRECONDITION_FAILED', fields: { 'If-Match': `is not the buyer's current version (${theirs.body.updatedAt})` } } } });
    expect(stale.body.error.message).toBe('Someone else changed this buyer after you opened it, so nothing was saved. Open it again to see their change, then make yours');
    expect(await api.testDb.db.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).toMatchObject({ maxPrice: 180_000, company: null });
    const current = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { company: 'Mine' }, headers: { 'if-match': `"${theirs.body.updatedAt}"` } });
    expect(current).toMatchObject({ status: 200, body: { company: 'Mine', maxPrice: 180_000 } });
  });

  it('names the bound a PATCH sets when it crosses the saved other one, and a box saved crossed still takes other edits', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Bound Namer' }) })).body;
    const minTooHigh = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { minPrice: 200_000 } });
    expect(minTooHigh).toMatchObject({ status: 400, body: { error: { message: 'Invalid body: Min price must not be above the max price', fields: { minPrice: 'must not be above the max price' } } } });
    // As an earlier merge could save it: min above max.
    await api.testDb.db.buyer.update({ where: { id: buyer.id }, data: { minPrice: 200_000, maxPrice: 100_000 } });
    expect(await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { company: 'Acme' } })).toMatchObject({ status: 200, body: { company: 'Acme' } });
    expect((await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { minPrice: 150_000 } })).body.error.fields).toEqual({ minPrice: 'must not be above the max price' });
    expect(await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { maxPrice: 250_000 } })).toMatchObject({ status: 200, body: { minPrice: 200_000, maxPrice: 250_000 } });
  });

  it('takes a phone as a lead\'s seller phone is taken, and refuses one that is not, naming the field', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Phone Checked', phone: '+1 (937) 555-0171' }) })).body;
    expect(buyer.phone).toBe('+1 (937) 555-0171');
    const refused = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { phone: 'call me maybe' } });
    expect(refused).toMatchObject({ status: 400, body: { error: { message: 'Invalid body: Phone must be a phone number', fields: { phone: 'must be a phone number' } } } });
    expect(await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { phone: '937.555.0172' } })).toMatchObject({ status: 200, body: { phone: '937.555.0172' } });
  });

  it('clears a company, e-mail or phone sent as "" (the form\'s emptied box) or null, and leaves those not sent', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Clear Contact', company: 'Acme', phone: '(937) 555-0170' }) })).body;
    const blank = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { company: '', email: '  ' } });
    expect(blank).toMatchObject({ status: 200, body: { company: null, email: null, phone: '(937) 555-0170' } });
    // The duplicate key follows: the phone, now that the e-mail is gone.
    expect((await api.testDb.db.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).contactKey).toBe('phone:9375550170');
    expect(await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { phone: null } })).toMatchObject({ status: 200, body: { company: null, email: null, phone: null } });
    expect((await api.testDb.db.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).contactKey).toBeNull();
    const refilled = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { company: 'Acme Two', email: 'two@acme.test', phone: '' } });
    expect(refilled).toMatchObject({ status: 200, body: { company: 'Acme Two', email: 'two@acme.test', phone: null } });
    expect(await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { email: null } })).toMatchObject({ status: 200, body: { company: 'Acme Two', email: null } });
    expect((await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { email: 'nope' } })).body.error.fields).toEqual({ email: 'must be an e-mail address' });
  });

  it('refuses a field a PATCH does not take, naming it, and writes nothing', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Strict Patch' }) })).body;
    const updates = () => api.testDb.db.event.count({ where: { entityType: 'buyer', entityId: buyer.id, action: 'updated' } });
    for (const [body, fields] of [
      [{ status: 'INACTIVE' }, { status: 'cannot be set here' }],
      [{ bogus: 1, maxPrice: 90_000 }, { bogus: 'cannot be set here' }],
    ] as const) {
      expect(await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', fields } } });
    }
    expect(await updates()).toBe(0);
    expect((await api.request('GET', `/api/buyers/${buyer.id}`, { cookie })).body).toMatchObject({ status: 'NEW', maxPrice: 150_000, updatedAt: buyer.updatedAt });
  });

  it('writes no buyer.updated event for a PATCH that changes nothing, such as the form saved unedited, and one for a change', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Quiet Patch', pofExpiresAt: '2031-07-05T03:59:59.999Z' }) })).body;
    const updates = () => api.testDb.db.event.count({ where: { entityType: 'buyer', entityId: buyer.id, action: 'updated' } });
    // What web/src/features/buyers/buyer-form.tsx sends for this buyer when nothing is edited.
    const unedited = {
      name: buyer.name, company: '', email: buyer.email, phone: '', cashBuyer: true, markets: buyer.markets, propertyTypes: buyer.propertyTypes, strategies: [],
      minPrice: 50_000, maxPrice: 150_000, maxRepair: null, proofOfFundsAmount: 500_000, minBeds: 2, minBaths: null, pofExpiresAt: '2031-07-04T23:59:59.999-04:00',
    };
    const same = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: unedited });
    expect(same).toMatchObject({ status: 200, body: { id: buyer.id, updatedAt: buyer.updatedAt } });
    expect(await updates()).toBe(0);
    const changed = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { ...unedited, company: 'Acme' } });
    expect(changed).toMatchObject({ status: 200, body: { company: 'Acme', maxPrice: 150_000 } });
    expect(await updates()).toBe(1);
  });

  it('matches leads and buyers both ways, ranked, with reasons', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Match Maker', markets: ['Springfield, OH'] }) })).body;
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ city: 'Springfield', zip: '45502', askingPrice: 80_000 }) })).body;
    const outside = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ city: 'Springfield', zip: '45502', askingPrice: 400_000 }) })).body;

    const forLead = await api.request('GET', `/api/leads/${lead.id}/matches`, { cookie });
    expect(forLead.status).toBe(200);
    const match = forLead.body.items.find((item: { buyer: { id: string } }) => item.buyer.id === buyer.id);
    expect(match).toMatchObject({ score: 90, reasons: expect.arrayContaining(['in market (Springfield)', 'price fits ($80,000)', 'cash buyer']) });

    const forBuyer = await api.request('GET', `/api/buyers/${buyer.id}/matches`, { cookie });
    const leadIds = forBuyer.body.items.map((item: { lead: { id: string } }) => item.lead.id);
    expect(leadIds).toContain(lead.id);
    expect(leadIds).not.toContain(outside.id);
  });

  it('answers lean matches with `fields`: each record has only those keys and its id, and an unknown field is a 400 naming fields', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Lean Matcher', company: 'Lean Co', markets: ['Fairborn, OH'] }) })).body;
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ city: 'Fairborn', zip: '45324', askingPrice: 85_000 }) })).body;

    const whole = await api.request('GET', `/api/buyers/${buyer.id}/matches`, { cookie });
    const lean = await api.request('GET', `/api/buyers/${buyer.id}/matches?fields=sellerName,mao,askingPrice`, { cookie });
    expect(lean.status).toBe(200);
    const wholeMatch = whole.body.items.find((item: { lead: { id: string } }) => item.lead.id === lead.id);
    const leanMatch = lean.body.items.find((item: { lead: { id: string } }) => item.lead.id === lead.id);
    expect(leanMatch).toEqual({ lead: { id: lead.id, sellerName: lead.sellerName, askingPrice: 85_000, mao: wholeMatch.lead.mao }, score: wholeMatch.score, reasons: wholeMatch.reasons });
    // The whole answer, asked again after the lean one, is still whole (each kind of answer is kept apart).
    expect((await api.request('GET', `/api/buyers/${buyer.id}/matches`, { cookie })).body.items[0].lead).toHaveProperty('street');

    const buyers = await api.request('GET', `/api/leads/${lead.id}/matches?fields=name,company`, { cookie });
    expect(buyers.body.items.find((item: { buyer: { id: string } }) => item.buyer.id === buyer.id)).toMatchObject({ buyer: { id: buyer.id, name: 'Lean Matcher', company: 'Lean Co' } });
    expect(Object.keys(buyers.body.items[0].buyer).sort()).toEqual(['company', 'id', 'name']);

    // Every lean item is its whole item's keys, read from only the columns asked for (ids, order, scores and reasons alike).
    const picked = (record: Record<string, unknown>, keys: string[]) => Object.fromEntries(['id', ...keys].filter((key) => key in record).map((key) => [key, record[key]]));
    const leadFields = ['sellerName', 'mao', 'askingPrice', 'status', 'tags', 'listDetails', 'archivedAt', 'createdAt'];
    const leanLeads = await api.request('GET', `/api/buyers/${buyer.id}/matches?fields=${leadFields.join(',')}`, { cookie });
    expect(leanLeads.body.items).toEqual(whole.body.items.map((item: { lead: Record<string, unknown> }) => ({ ...item, lead: picked(item.lead, leadFields) })));
    const buyerFields = ['name', 'cashBuyer', 'markets', 'pofVerifiedAt', 'updatedAt'];
    const [wholeBuyers, leanBuyers] = await Promise.all([api.request('GET', `/api/leads/${lead.id}/matches`, { cookie }), api.request('GET', `/api/leads/${lead.id}/matches?fields=${buyerFields.join(',')}`, { cookie })]);
    expect(leanBuyers.body.items.length).toBeGreaterThan(0);
    expect(leanBuyers.body.items).toEqual(wholeBuyers.body.items.map((item: { buyer: Record<string, unknown> }) => ({ ...item, buyer: picked(item.buyer, buyerFields) })));

    for (const url of [`/api/buyers/${buyer.id}/matches?fields=sellerName,password`, `/api/leads/${lead.id}/matches?fields=`]) {
      const refused = await api.request('GET', url, { cookie });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('fields');
    }
  });

  it('answers matching again as soon as a buy box or a lead changes: a kept answer never hides a change', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Fresh Answers', markets: ['Xenia, OH'] }) })).body;
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ city: 'Xenia', zip: '45385', askingPrice: 90_000 }) })).body;
    const buyersOf = async () => (await api.request('GET', `/api/leads/${lead.id}/matches`, { cookie })).body.items.map((item: { buyer: { id: string } }) => item.buyer.id);
    const leadsOf = async () => (await api.request('GET', `/api/buyers/${buyer.id}/matches`, { cookie })).body.items.map((item: { lead: { id: string } }) => item.lead.id);
    expect(await buyersOf()).toContain(buyer.id);
    expect(await leadsOf()).toContain(lead.id);

    expect((await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { maxPrice: 60_000 } })).status).toBe(200);
    expect(await buyersOf()).not.toContain(buyer.id);
    expect(await leadsOf()).not.toContain(lead.id);

    expect((await api.request('PATCH', `/api/leads/${lead.id}`, { cookie, body: { askingPrice: 55_000 } })).status).toBe(200);
    expect(await buyersOf()).toContain(buyer.id);
    expect(await leadsOf()).toContain(lead.id);

    // The types alone change: the market rows matching narrows by (market and type) follow them.
    const otherType = lead.propertyType === 'LAND' ? 'CONDO' : 'LAND';
    const typed = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Types Later', markets: ['Xenia, OH'], propertyTypes: [otherType] }) })).body;
    expect(await buyersOf()).not.toContain(typed.id);
    expect((await api.request('PATCH', `/api/buyers/${typed.id}`, { cookie, body: { propertyTypes: [otherType, lead.propertyType] } })).status).toBe(200);
    expect(await buyersOf()).toContain(typed.id);
    expect((await api.request('PATCH', `/api/buyers/${typed.id}`, { cookie, body: { propertyTypes: [otherType] } })).status).toBe(200);
    expect(await buyersOf()).not.toContain(typed.id);
    expect((await api.request('PATCH', `/api/buyers/${typed.id}`, { cookie, body: { propertyTypes: [] } })).status).toBe(200);
    expect(await buyersOf()).toContain(typed.id);
  });

  it('keeps the rest of the buy box when a PATCH names one field', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Partial Patch', markets: ['Kettering, OH', '45420'], strategies: ['FLIP'] }) })).body;
    const patched = await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { maxPrice: 90_000 } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ maxPrice: 90_000, markets: ['Kettering, OH', '45420'], propertyTypes: buyer.propertyTypes, strategies: ['FLIP'] });
    expect((await api.request('GET', `/api/buyers/${buyer.id}`, { cookie })).body).toMatchObject({ markets: ['Kettering, OH', '45420'], propertyTypes: buyer.propertyTypes });
    const rows = await api.testDb.db.buyerMarket.findMany({ where: { buyerId: buyer.id }, select: { market: true } });
    expect(new Set(rows.map((row) => row.market))).toEqual(new Set(['kettering, oh', '45420']));
  });

  it('changes status through the workflow, refuses a no-op, and hides archived buyers from the list but not from their page', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Status Buyer' }) })).body;
    await waitUntil('the buyer workflow', () => api.testDb.db.task.findFirst({ where: { buyerId: buyer.id } }));
    expect((await api.request('POST', `/api/buyers/${buyer.id}/status`, { cookie, body: { status: 'ACTIVE' } })).body.status).toBe('ACTIVE');
    const again = await api.request('POST', `/api/buyers/${buyer.id}/status`, { cookie, body: { status: 'ACTIVE' } });
    expect(again).toMatchObject({ status: 409, body: { error: { message: 'The buyer is already active' } } });
    const expiresAt = new Date(Date.now() + 20 * 86_400_000).toISOString();
    expect((await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie, body: { pofExpiresAt: expiresAt } })).body.pofExpiresAt).toBe(expiresAt);
    await waitUntil('the workflow to hear of the new expiry', async () =>
      (await api.temporal.client.workflow.getHandle(buyerWorkflowId(buyer.id)).query(getBuyerStateQuery)).pofExpiresAt === expiresAt,
    );
    expect((await api.request('POST', `/api/buyers/${buyer.id}/archive`, { cookie })).status).toBe(200);
    // Its page still opens (to unarchive it), but the list and matching leave it out.
    expect((await api.request('GET', `/api/buyers/${buyer.id}`, { cookie })).body).toMatchObject({ id: buyer.id, archivedAt: expect.any(String) });
    expect((await api.request('GET', '/api/buyers', { cookie })).body.items.map((item: { id: string }) => item.id)).not.toContain(buyer.id);
    expect((await api.request('GET', `/api/buyers/${buyer.id}/matches`, { cookie })).status).toBe(404);
  });

  it('changes the status of a buyer saved while Temporal was down: the Update starts buyer-<id>', async () => {
    const buyer = await api.testDb.db.buyer.create({ data: { name: 'Offline Buyer' } });
    const response = await api.request('POST', `/api/buyers/${buyer.id}/status`, { cookie, body: { status: 'ACTIVE' } });
    expect(response).toMatchObject({ status: 200, body: { id: buyer.id, status: 'ACTIVE' } });
    expect((await api.temporal.client.workflow.getHandle(buyerWorkflowId(buyer.id)).describe()).status.name).toBe('RUNNING');
    // The run starts as a new buyer's would: its proof of funds is to be verified.
    await waitUntil('the proof-of-funds task', () => api.testDb.db.task.findFirst({ where: { buyerId: buyer.id, title: { startsWith: 'Verify proof of funds' } } }));
    expect(await api.request('POST', `/api/buyers/${buyer.id}/status`, { cookie, body: { status: 'ACTIVE' } })).toMatchObject({ status: 409 });
  });

  it("refuses an agent's new buyer, edit, status change or archive with the matrix's reason, and changes nothing", async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie, body: buyerInput({ name: 'Hands Off Buyer' }) })).body;
    const before = await api.testDb.db.buyer.count();
    const attempts = [
      ['POST', '/api/buyers', buyerInput({ name: 'Agent Buyer' }), 'only acquisitions, a supervisor or an admin can create a buyer'],
      ['PATCH', `/api/buyers/${buyer.id}`, { markets: ['Nowhere, OH'] }, 'only acquisitions, a supervisor or an admin can change a buyer'],
      ['POST', `/api/buyers/${buyer.id}/status`, { status: 'ACTIVE' }, 'only acquisitions, a supervisor or an admin can change a buyer'],
      ['POST', `/api/buyers/${buyer.id}/archive`, undefined, 'only acquisitions, a supervisor or an admin can archive a buyer'],
    ] as const;
    for (const [method, path, body, message] of attempts) {
      expect(await api.request(method, path, { cookie: agentCookie, body })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', message } } });
    }
    expect(await api.testDb.db.buyer.count()).toBe(before);
    expect(await api.testDb.db.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).toMatchObject({ status: 'NEW', markets: JSON.stringify(['Dayton, OH', '45402']), archivedAt: null });
  });

  it('404s the status of an unknown buyer', async () => {
    expect((await api.request('POST', '/api/buyers/nobody/status', { cookie, body: { status: 'ACTIVE' } })).status).toBe(404);
  });
});
