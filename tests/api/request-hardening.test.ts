import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { buildLead, buildUser } from '../support/factories';
import { startAppWithoutTemporal, type OfflineApp } from '../support/offline-app';
import { fieldLabel } from '../../domain/labels/field-labels';

jest.setTimeout(180_000);

// Every route here reads and writes the database only: Temporal is never called.
let app: OfflineApp;
let cookie: string;
let userId: string;
beforeAll(async () => {
  app = await startAppWithoutTemporal();
  const admin = await buildUser(app.testDb.db, { role: 'ADMIN' });
  userId = admin.id;
  cookie = await app.login(admin.email);
});
afterAll(() => app?.close());

async function send(method: string, path: string, { body, headers = {}, signedIn = true }: { body?: string | Blob; headers?: Record<string, string>; signedIn?: boolean } = {}) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { [CLIENT_HEADER]: 'test', ...(signedIn ? { cookie } : {}), ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
}
const json = { 'content-type': 'application/json' };
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('the session is checked before the body is read', () => {
  it('answers malformed JSON from a stranger with 401, not 400: the body was never parsed', async () => {
    const response = await send('POST', '/api/leads', { signedIn: false, headers: json, body: '{"sellerName": ' });
    expect(response).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
  });

  it('answers eight 1 MB bodies of nested brackets from a stranger with 401 each', async () => {
    const deep = nested(500_000);
    const responses = await Promise.all(Array.from({ length: 8 }, () => send('POST', '/api/leads', { signedIn: false, headers: json, body: deep })));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(401));
  });

  it('still parses the login body before anyone is signed in', async () => {
    const response = await send('POST', '/api/auth/login', { signedIn: false, headers: json, body: '{"email": ' });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'INVALID_JSON' } } });
  });
});

describe('JSON bodies', () => {
  it('refuses a body over 64 KB with a 413 naming the body and its limit', async () => {
    const body = JSON.stringify({ body: 'x'.repeat(64 * 1024), leadId: 'any' });
    const response = await send('POST', '/api/notes', { headers: json, body });
    expect(response).toMatchObject({
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than 64 KB: shorten the longest text in it', fields: { body: 'must be at most 64 KB' } } },
    });
  });

  it('refuses nesting deeper than 32 with a 400 naming the body, and lets 32 levels through to validation', async () => {
    const tooDeep = await send('POST', '/api/leads', { headers: json, body: `{"tags": ${nested(32)}}` });
    expect(tooDeep).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', fields: { body: 'nests deeper than 32 levels' } } } });
    const deepest = await send('POST', '/api/leads', { headers: json, body: `{"tags": ${nested(31)}}` });
    expect(deepest.status).toBe(400);
    expect(deepest.body.error.fields).toHaveProperty('sellerName');
  });

  it('counts brackets inside strings as text, not nesting', async () => {
    const response = await send('POST', '/api/notes', { headers: json, body: JSON.stringify({ body: '['.repeat(100), leadId: 'unknown-lead' }) });
    expect(response.body.error.fields?.body).toBeUndefined();
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no Content-Type', {}],
    ['JSON in UTF-16', { 'content-type': 'application/json; charset=utf-16' }],
  ])('refuses %s with 415 and changes nothing', async (_case, headers) => {
    const lead = await buildLead(app.testDb.db, userId);
    const response = await send('POST', `/api/leads/${lead.id}/archive`, { headers, body: '{}' });
    expect(response).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('application/json') } } });
    expect((await app.testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).archivedAt).toBeNull();
  });

  it.each([
    // The list upload takes only a multipart body: its 415 says so, not "send JSON".
    ['/api/imports/preview', 'multipart/form-data with the file in the part named "file", not text/plain'],
    ['/api/imports', 'multipart/form-data with the file in the part named "file", not text/plain'],
    // A document may be a file or JSON (a record without a file): its 415 names both.
    ['/api/documents', 'multipart/form-data with the file in the part named "file", or as JSON (Content-Type: application/json), not text/plain'],
  ])('an upload route (%s) names what it takes in its 415', async (route, wording) => {
    const response = await send('POST', route, { headers: { 'content-type': 'text/plain' }, body: 'Address,Zip' });
    expect(response).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: `Send the body as ${wording}` } } });
  });

  it('takes a bodiless POST as it is', async () => {
    const lead = await buildLead(app.testDb.db, userId);
    expect((await send('POST', `/api/leads/${lead.id}/archive`)).status).toBe(200);
  });

  it('answers malformed JSON and bytes that are not UTF-8 with 400', async () => {
    expect(await send('POST', '/api/leads', { headers: json, body: '{"sellerName": ' })).toMatchObject({ status: 400, body: { error: { code: 'INVALID_JSON' } } });
    const notUtf8 = new Blob([Buffer.from('{"sellerName": "'), Uint8Array.from([0xff, 0xfe]), Buffer.from('"}')]);
    expect(await send('POST', '/api/leads', { headers: json, body: notUtf8 })).toMatchObject({ status: 400, body: { error: { fields: { body: 'is not valid UTF-8' } } } });
  });
});

describe('invalid text is refused before it reaches the database', () => {
  it.each([
    ['a lone surrogate in a field', '{"sellerName": "Bad \\ud800 Name"}', 'sellerName', 'lone UTF-16 surrogate'],
    ['a lone low surrogate in a list item', '{"sellerName": "Ok", "tags": ["fine", "x\\udc00"]}', 'tags.1', 'lone UTF-16 surrogate'],
    ['a NUL byte', '{"sellerName": "Nul\\u0000Name"}', 'sellerName', 'control characters'],
    ['a control character in a field name', '{"seller\\u0001": "x"}', 'seller\uFFFD', 'field name'],
  ])('a body with %s → 400 naming the field, nothing saved', async (_case, body, field, problem) => {
    const before = await app.testDb.db.lead.count();
    const response = await send('POST', '/api/leads', { headers: json, body });
    expect(response.status).toBe(400);
    expect(response.body.error.fields[field]).toContain(problem);
    expect(await app.testDb.db.lead.count()).toBe(before);
  });

  it('a surrogate pair (an emoji), tabs and new lines are text like any other', async () => {
    const lead = await buildLead(app.testDb.db, userId);
    const response = await send('PATCH', `/api/leads/${lead.id}`, { headers: json, body: '{"sellerName": "Smile \\ud83d\\ude00", "street": "1 Main St\\n\\tRear"}' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ sellerName: 'Smile 😀', street: '1 Main St\n\tRear' });
  });

  it.each([
    ['q=%00', 'q', 'control characters'],
    ['city=%ED%A0%80', 'city', 'not valid UTF-8'],
    ['q=%FF', 'q', 'not valid UTF-8'],
  ])('a query with %s → 400 naming the parameter', async (query, field, problem) => {
    const response = await send('GET', `/api/leads?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.fields[field]).toContain(problem);
  });
});

describe('methods a path does not take', () => {
  it.each([
    ['DELETE', '/api/leads', 'GET, HEAD, POST'],
    ['PATCH', '/api/health', 'GET, HEAD'],
    ['PUT', '/api/tasks/bulk', 'POST'],
  ])('%s %s → 405 with Allow: %s, before the session check', async (method, path, allow) => {
    const response = await fetch(`${app.url}${path}`, { method, headers: { [CLIENT_HEADER]: 'test' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(((await response.json()) as any).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers OPTIONS with the documented methods: a literal path is not the templated one beside it', async () => {
    const response = await fetch(`${app.url}/api/tasks/bulk`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('POST');
    expect((await fetch(`${app.url}/api/tasks/some-id`, { method: 'OPTIONS' })).headers.get('allow')).toBe('GET, HEAD, PATCH');
  });
});

describe('list filters', () => {
  it.each([
    ['/api/leads', 'status='],
    ['/api/leads', 'status=NEW,'],
    ['/api/leads', 'status=BOGUS'],
    ['/api/leads', 'source='],
    ['/api/leads', 'propertyType=,'],
    ['/api/leads', 'fields='],
    ['/api/leads', 'minPrice='],
    ['/api/leads', 'minPrice=1e3'],
    ['/api/leads', 'maxPrice=-1'],
    ['/api/leads', 'createdFrom='],
    ['/api/leads', 'createdTo=yesterday'],
    ['/api/leads', 'limit='],
    ['/api/leads', 'limit=0'],
    ['/api/leads', 'cursor='],
    ['/api/leads', 'q='],
    ['/api/leads', 'sort='],
    ['/api/leads', 'includeArchived='],
    ['/api/tasks', 'status='],
    ['/api/tasks', 'type='],
    ['/api/tasks', 'priority=,'],
    ['/api/tasks', 'priority=HIGH,,LOW'],
    ['/api/tasks', 'view='],
    ['/api/tasks', 'due='],
    ['/api/tasks', 'dueFrom='],
    ['/api/tasks', 'sort=-'],
    ['/api/tasks', 'limit=abc'],
    ['/api/tasks/suggest-assignee', 'type='],
    ['/api/buyers', 'status='],
    ['/api/buyers', 'propertyType='],
    ['/api/buyers', 'cash='],
    ['/api/buyers', 'price='],
    ['/api/buyers', 'fields=,'],
    ['/api/buyers', 'q='],
    ['/api/offers', 'status='],
    ['/api/offers', 'fields='],
    ['/api/offers', 'leadId='],
    ['/api/deals', 'closed='],
    ['/api/deals', 'limit='],
    ['/api/notes', 'leadId=x&limit='],
    ['/api/documents', 'leadId='],
    ['/api/dashboard', 'from='],
    ['/api/dashboard', 'scope='],
    ['/api/dashboard', 'dayStart=today'],
    ['/api/analytics', 'to='],
    ['/api/analytics', 'from=2026-13-01T00:00:00Z'],
    ['/api/events/recent', 'limit='],
    ['/api/me/saved-views', 'page='],
  ])('%s?%s → 400 naming the parameter', async (route, query) => {
    const response = await send('GET', `${route}?${query}`);
    const parameter = query.split('&').at(-1)!.split('=')[0]!;
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    // `fields` names the parameter for programs; the message names it in words, as the forms do.
    expect(Object.keys(response.body.error.fields)).toEqual([parameter]);
    expect(response.body.error.message).toContain(fieldLabel(parameter));
  });

  it('still takes comma lists with spaces, and repeated values', async () => {
    expect((await send('GET', '/api/tasks?priority=HIGH, LOW&status=CREATED,ASSIGNED,ASSIGNED')).status).toBe(200);
    expect((await send('GET', '/api/leads?status=NEW&minPrice=0&maxPrice=200000&limit=5')).status).toBe(200);
  });
});

describe('searches take % and _ literally', () => {
  it('finds buyers whose name holds "100%" or "a_b", and nothing that only looks alike', async () => {
    for (const name of ['100% Cash LLC', '1000 Homes', 'a_b Capital', 'axb Capital', 'Back\\slash Homes', 'Backslash Homes']) {
      await app.testDb.db.buyer.create({ data: { name } });
    }
    const names = async (q: string) => (await send('GET', `/api/buyers?q=${encodeURIComponent(q)}`)).body.items.map((buyer: { name: string }) => buyer.name);
    expect(await names('100%')).toEqual(['100% Cash LLC']);
    expect(await names('a_b')).toEqual(['a_b Capital']);
    expect(await names('k\\s')).toEqual(['Back\\slash Homes']);
    expect((await names('Capital')).sort()).toEqual(['a_b Capital', 'axb Capital']);
  });

  it('finds leads whose seller holds "100%" or "a_b", and nothing that only looks alike', async () => {
    for (const sellerName of ['Percy 100% Sure', 'Percy 1000 Sure', 'Al a_b Seller', 'Al axb Seller']) await buildLead(app.testDb.db, userId, { sellerName });
    const names = async (q: string) => (await send('GET', `/api/leads?q=${encodeURIComponent(q)}`)).body.items.map((lead: { sellerName: string }) => lead.sellerName);
    expect(await names('100%')).toEqual(['Percy 100% Sure']);
    expect(await names('a_b')).toEqual(['Al a_b Seller']);
  });

  it('pages the buyer list in order, and refuses a cursor that is no buyer', async () => {
    for (const maxPrice of [300_000, null, 100_000, 200_000]) await app.testDb.db.buyer.create({ data: { name: `Paged ${maxPrice ?? 'none'}`, maxPrice } });
    const first = await send('GET', '/api/buyers?q=Paged&sort=-maxPrice&limit=2');
    const second = await send('GET', `/api/buyers?q=Paged&sort=-maxPrice&limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((buyer: { name: string }) => buyer.name)).toEqual(['Paged 300000', 'Paged 200000', 'Paged 100000', 'Paged none']);
    expect(second.body.nextCursor).toBeNull();
    expect(await send('GET', '/api/buyers?cursor=nope')).toMatchObject({ status: 400, body: { error: { fields: { cursor: expect.any(String) } } } });
  });
});
