import fs from 'node:fs';
import path from 'node:path';
import { API_ROUTES } from '../../api/openapi';
import { buyerSchema } from '../../domain/buyers/buyer.schema';
import { leadSchema } from '../../domain/leads/lead.schema';
import { noteSchema } from '../../domain/notes/note.schema';
import { offerSchema } from '../../domain/offers/offer.schema';
import { taskSchema } from '../../domain/tasks/task.schema';
import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';
import { ROOT_DIR } from '../support/test-db';

jest.setTimeout(180_000);

let api: ApiHarness;
let cookie: string;
beforeAll(async () => {
  api = await startApiHarness();
  cookie = await api.login((await buildUser(api.testDb.db)).email);
});
afterAll(() => api?.close());

/** The routes the code declares: `router.<method>('<path>'` in each router, under its mount in app.ts. */
function declaredRoutes(): string[] {
  const app = fs.readFileSync(path.join(ROOT_DIR, 'api', 'app.ts'), 'utf8');
  const routes = [...app.matchAll(/api\.(get|post|put|patch)\('([^']+)'/g)].map(([, method, route]) => `${method} /api${route}`);
  for (const [, mount, name] of app.matchAll(/api\.use\('([^']+)', create(\w+)Router/g)) {
    const file = path.join(ROOT_DIR, 'api', 'routes', `${name!.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.router.ts`);
    const source = fs.readFileSync(file, 'utf8');
    for (const [, method, route] of source.matchAll(/router\.(get|post|put|patch|delete)\('([^']*)'/g)) {
      const full = `/api${mount}${route === '/' ? '' : route}`.replace(/:(\w+)/g, '{$1}');
      routes.push(`${method} ${full}`);
    }
  }
  return routes.sort();
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document covering every route the code declares', async () => {
    const response = await api.request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method} ${route}`))
      .sort();
    expect(documented).toEqual(declaredRoutes());
  });

  it('documents request bodies from the same zod schemas that validate them', async () => {
    const doc = (await api.request('GET', '/api/openapi.json')).body;
    const leadBody = doc.paths['/api/leads'].post.requestBody.content['application/json'].schema;
    expect(leadBody.required).toEqual(expect.arrayContaining(['sellerName', 'street', 'city', 'state', 'zip']));
  });

  it.each(API_ROUTES.filter((route) => route.path !== '/api/events').map((route) => [route.method, route.path] as const))(
    '%s %s exists (never a "no route" 404)',
    async (method, route) => {
      const response = await api.request(method.toUpperCase(), route.replace('{id}', 'missing-id'), { cookie, ...(method === 'get' ? {} : { body: {} }) });
      expect(response.body?.error?.message ?? '').not.toMatch(/^No route/);
      // Health answers 503 when a check is slower than its budget, as on a loaded machine: a documented answer, not a failure.
      // Ready answers 503 the same way when a check (or the worker's poll) has not come in time.
      const documented = (route === '/api/health' || route === '/api/ready') && response.status === 503;
      if (!documented) expect(response.status).toBeLessThan(500);
    },
  );
});

type JsonSchema = { $ref?: string; type?: string | string[]; properties?: Record<string, JsonSchema>; additionalProperties?: boolean | JsonSchema; items?: JsonSchema } & Record<string, unknown>;

// The one open object the API answers: an event's `entity` is whichever entity changed, as of the change.
const OPEN_OBJECTS = new Set(['LiveEvent.entity']);

/** Where `schema` (or anything inside it) is an object that says nothing about its keys. */
function untypedObjects(schema: JsonSchema, components: Record<string, JsonSchema>, at: string, seen = new Set<string>()): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return [];
    seen.add(name);
    const target = components[name];
    return target ? untypedObjects(target, components, name, seen) : [`${at}: ${schema.$ref} is not in components`];
  }
  const found: string[] = [];
  const types = [schema.type].flat();
  const hasProperties = Object.keys(schema.properties ?? {}).length > 0;
  const open = schema.additionalProperties === undefined || schema.additionalProperties === true || Object.keys(schema.additionalProperties).length === 0;
  if (types.includes('object') && !hasProperties && open && !OPEN_OBJECTS.has(at)) found.push(at);
  for (const [key, property] of Object.entries(schema.properties ?? {})) found.push(...untypedObjects(property, components, `${at}.${key}`, seen));
  if (schema.items) found.push(...untypedObjects(schema.items, components, `${at}[]`, seen));
  if (typeof schema.additionalProperties === 'object') found.push(...untypedObjects(schema.additionalProperties, components, `${at}{}`, seen));
  for (const variants of [schema.anyOf, schema.oneOf, schema.allOf]) {
    for (const variant of (variants as JsonSchema[] | undefined) ?? []) found.push(...untypedObjects(variant, components, at, seen));
  }
  return found;
}

describe('the documented answers', () => {
  it('every 2xx answer with a body has a typed schema: no bare object anywhere in it', async () => {
    const doc = (await api.request('GET', '/api/openapi.json')).body;
    const components = doc.components.schemas as Record<string, JsonSchema>;
    const problems: string[] = [];
    let answers = 0;
    for (const [route, methods] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses).filter(([code]) => code.startsWith('2'))) {
          const where = `${method} ${route} ${status}`;
          if (status === '204') {
            if (response.content) problems.push(`${where}: a 204 has no body`);
            continue;
          }
          const json = response.content?.['application/json'];
          if (!json) {
            // The event stream, a document's file (served as its own type), the outbox's HTML preview, the CSV exports and the calendar feed are no JSON.
            const other = ['text/event-stream', 'application/octet-stream', 'text/html', 'text/csv', 'text/calendar'];
            if (!other.some((type) => response.content?.[type])) problems.push(`${where}: no content`);
            continue;
          }
          answers += 1;
          const schema = json.schema;
          if (!schema || !(schema.$ref || Object.keys(schema.properties ?? {}).length > 0 || schema.items)) {
            problems.push(`${where}: no schema with properties, items or a $ref`);
            continue;
          }
          problems.push(...untypedObjects(schema, components, where).map((path) => `${where}: untyped object at ${path}`));
        }
      }
    }
    expect(problems).toEqual([]);
    expect(answers).toBeGreaterThan(50);
  });

  it('real answers are what the document says (no missing, mistyped or undocumented keys)', async () => {
    const admin = await buildUser(api.testDb.db, { role: 'ADMIN', name: 'Ada Admin' });
    const colleague = await buildUser(api.testDb.db, { name: 'Cole Colleague' });
    const asAdmin = await api.login(admin.email);
    const asColleague = await api.login(colleague.email);
    const documented = (method: string, route: string) => {
      const spec = API_ROUTES.find((candidate) => candidate.method === method && candidate.path === route);
      if (!spec?.response) throw new Error(`${method} ${route} documents no answer`);
      return spec.response;
    };
    /** Calls `path` and checks the answer against the schema documented for `route`. */
    const check = async (method: 'get' | 'post' | 'patch', route: string, path: string, options: { body?: unknown; cookie?: string } = {}) => {
      const response = await api.request(method.toUpperCase(), path, { cookie: asAdmin, ...options });
      expect({ route, status: response.status }).toEqual({ route, status: response.status < 300 ? response.status : 'a 2xx' });
      // parse drops keys the schema does not name, so equality also catches undocumented keys.
      expect(documented(method, route).parse(response.body)).toEqual(response.body);
      return response.body;
    };

    const lead = leadSchema.parse(await check('post', '/api/leads', '/api/leads', { body: buildLeadInput({ city: 'Dayton' }) }));
    const buyer = buyerSchema.parse(await check('post', '/api/buyers', '/api/buyers', { body: { name: 'Bea Buyer', cashBuyer: true, markets: ['Dayton, OH'], propertyTypes: ['SFR'], strategies: ['FLIP'], maxPrice: 200_000 } }));
    const offer = offerSchema.parse(await check('post', '/api/offers', '/api/offers', { body: { leadId: lead.id, buyerId: buyer.id, kind: 'BUYER', amount: 95_000 } }));
    const task = taskSchema.parse(await check('post', '/api/tasks', '/api/tasks', { body: { title: 'Call the seller', dueAt: new Date(Date.now() + 86_400_000).toISOString(), leadId: lead.id } }));
    noteSchema.parse(await check('post', '/api/notes', '/api/notes', { body: { leadId: lead.id, body: 'Ask @cole.colleague to drive by' } }));
    await check('post', '/api/documents', '/api/documents', { body: { leadId: lead.id, kind: 'DISCLOSURE', fileName: 'disclosure.pdf', sizeBytes: 2048 } });
    await check('post', '/api/me/favorites', '/api/me/favorites', { body: { entityType: 'lead', entityId: lead.id } });
    await check('post', '/api/me/recent', '/api/me/recent', { body: { entityType: 'lead', entityId: lead.id } });
    await check('post', '/api/me/saved-views', '/api/me/saved-views', { body: { page: 'leads', name: 'Dayton', query: { city: 'Dayton' } } });

    const lists: Array<[string, string, string?]> = [
      ['/api/leads', '/api/leads'],
      ['/api/leads/{id}', `/api/leads/${lead.id}`],
      ['/api/leads/{id}/matches', `/api/leads/${lead.id}/matches`],
      ['/api/buyers', '/api/buyers'],
      ['/api/buyers/{id}', `/api/buyers/${buyer.id}`],
      ['/api/buyers/{id}/matches', `/api/buyers/${buyer.id}/matches`],
      ['/api/offers', `/api/offers?leadId=${lead.id}`],
      ['/api/offers/{id}', `/api/offers/${offer.id}`],
      ['/api/tasks', `/api/tasks?view=team&leadId=${lead.id}`],
      ['/api/tasks/{id}', `/api/tasks/${task.id}`],
      ['/api/tasks/suggest-assignee', `/api/tasks/suggest-assignee?leadId=${lead.id}`],
      ['/api/notes', `/api/notes?leadId=${lead.id}`],
      ['/api/documents', `/api/documents?leadId=${lead.id}`],
      ['/api/notifications', '/api/notifications', asColleague],
      ['/api/events/recent', '/api/events/recent'],
      ['/api/history/{entityType}/{id}', `/api/history/lead/${lead.id}`],
      ['/api/users', '/api/users'],
      ['/api/me', '/api/me'],
      ['/api/me/favorites', '/api/me/favorites'],
      ['/api/me/recent', '/api/me/recent'],
      ['/api/me/saved-views', '/api/me/saved-views?page=leads'],
      ['/api/deals', '/api/deals'],
      ['/api/settings', '/api/settings'],
      ['/api/config', '/api/config'],
      ['/api/dashboard', '/api/dashboard'],
      ['/api/analytics', '/api/analytics'],
      ['/api/health', '/api/health'],
    ];
    // /api/health answers from a background check; on a loaded machine the first may not have answered yet (503, unknown).
    await waitUntil('the first health check', async () => (await api.request('GET', '/api/health')).status === 200);
    for (const [route, path, cookie] of lists) {
      const body = await check('get', route, path, cookie ? { cookie } : {});
      if (Array.isArray(body.items) && route !== '/api/deals') expect({ route, empty: body.items.length === 0 }).toEqual({ route, empty: false });
    }
    const bulk = await check('post', '/api/tasks/bulk', '/api/tasks/bulk', { body: { ids: [task.id], action: 'cancel' } });
    expect(bulk.results).toEqual([expect.objectContaining({ id: task.id, ok: true, task: expect.objectContaining({ status: 'CANCELLED' }) })]);
  });
});
