import fs from 'node:fs';
import path from 'node:path';
import { API_ROUTES } from '../../api/openapi';
import { buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { ROOT_DIR } from '../support/test-db';

jest.setTimeout(60_000);

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
  const routes = [...app.matchAll(/api\.(get|post|patch)\('([^']+)'/g)].map(([, method, route]) => `${method} /api${route}`);
  for (const [, mount, name] of app.matchAll(/api\.use\('([^']+)', create(\w+)Router/g)) {
    const file = path.join(ROOT_DIR, 'api', 'routes', `${name!.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.router.ts`);
    const source = fs.readFileSync(file, 'utf8');
    for (const [, method, route] of source.matchAll(/router\.(get|post|patch|delete)\('([^']*)'/g)) {
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
      expect(response.status).toBeLessThan(500);
    },
  );
});
