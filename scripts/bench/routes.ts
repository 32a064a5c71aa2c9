import { BUYER_LIST_PAGE_FIELDS } from '../../domain/buyers/buyer-list-fields';
import { BUYER_MATCH_LEAD_FIELDS, LEAD_MATCH_BUYER_FIELDS } from '../../domain/buyers/match-fields';
import { CALL_QUEUE_LEAD_FIELDS } from '../../domain/calls/call-queue-fields';
import { LEAD_LIST_PAGE_FIELDS } from '../../domain/leads/lead-list-fields';
import { TASK_LIST_PAGE_FIELDS } from '../../domain/tasks/task-list-fields';
import { OPEN_TASK_STATUSES } from '../../domain/tasks/task.schema';
import { logInAsDemoUser } from '../lib/log-in';
import { measureBrowserLiveUpdate } from './browser-live-update';
import { loadTest } from './http-load';
import { measurePageLoads } from './page-load';
import { measureSse, measureSseFloor } from './sse-latency';
import { figuresOf, reportLine, type Figures } from './stats';

/** Every target the benchmark checks, in ms unless named otherwise. */
export const TARGETS = { dashboardMs: 25, listMs: 50, matchesMs: 50, searchMs: 20, queueMs: 50, sseMs: 10, postToTaskMs: 100, browserLiveMs: 1_000, webJsKb: 250, pageLoadMs: 1_000, rssMb: 300, importSeconds: 60, importWorkflowsSeconds: 180, listDuringImportMs: 100, intakeLeadsPerSecond: 100, intakeTaskLagMs: 5_000 };

export interface RouteOptions {
  connections: number;
  seconds: number;
  sseLeads: number;
  browserLeads: number;
  pageLoads: number;
  deepRow: number;
}

/** One measured figure: its name, its latencies and, when it has one, its p95 target and the p95 of its floor. */
export interface Measure {
  name: string;
  figures: Figures & { errors?: number };
  target?: number;
  floorP95?: number;
}

/** The floor of every API route: a signed-in answer that reads nothing the cache does not hold, under the same load. */
const API_FLOOR_NAME = 'API floor: GET /api/me (signed in, no work)';

/** The `nextCursor` after `rows` rows of a list (read 200 at a time): where a deep page starts. */
async function cursorAfter(appUrl: string, listPath: string, cookie: string, rows: number): Promise<string> {
  let cursor: string | undefined;
  for (let read = 0; read < rows; read += 200) {
    const response = await fetch(`${appUrl}${listPath}${listPath.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie } });
    const body = (await response.json()) as { nextCursor: string | null };
    if (!body.nextCursor) throw new Error(`${listPath} ends before row ${rows}`);
    cursor = body.nextCursor;
  }
  return cursor!;
}

/**
 * Waits up to a minute for the app to answer its health check: a measure that overloaded it (a
 * proxy takes an API whose health check fails out of its pool for a while) must not fail the next.
 */
async function settled(appUrl: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (await fetch(`${appUrl}/api/health`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * The routes, the live updates and the cold page loads of a running app on the volume data
 * (SQLite stack or cluster alike): each printed as it is measured, all returned.
 */
// More records than the API keeps matching answers for (api/reports/recent-results), so none is reused within a measure.
const DISTINCT_MATCH_RECORDS = 2_000;

/** The ids of the volume seed's first `count` records of a kind (scripts/volume/generate.ts). */
const volumeIds = (prefix: string, digits: number, count: number): string[] => Array.from({ length: count }, (_, index) => `${prefix}${(index + 1).toString(36).padStart(digits, '0')}`);

export async function measureRoutes(appUrl: string, options: RouteOptions, log: (line: string) => void): Promise<Measure[]> {
  const [supervisor, agent] = [await logInAsDemoUser(appUrl, 'supervisor@flipstackk.test'), await logInAsDemoUser(appUrl, 'agent@flipstackk.test')];
  const load = { connections: options.connections, seconds: options.seconds };
  const leadId = 'vlead000001';
  const buyerId = 'vbuyer00001';
  const measures: Measure[] = [];
  const add = (measure: Measure) => {
    measures.push(measure);
    log(reportLine(measure.name, measure.figures, measure.target, measure.floorP95) + (measure.figures.errors ? `   (${measure.figures.errors} non-200 answers)` : ''));
  };
  await settled(appUrl);
  // Warmed first: the first seconds of a fresh API process are slower (the JIT), and a floor must not be.
  await loadTest(appUrl, '/api/me', agent, { connections: options.connections, seconds: 2 });
  const floor = await loadTest(appUrl, '/api/me', agent, load);
  const apiFloorP95 = floor.n > 0 ? floor.p95 : undefined;
  add({ name: API_FLOOR_NAME, figures: floor });
  // A measure that fails (the app stopped answering) is reported as "no answer" and the next one goes on.
  const measured = async (names: Array<{ name: string; target?: number; api?: boolean }>, read: () => Promise<Array<Measure['figures']>>) => {
    await settled(appUrl);
    try {
      const figures = await read();
      names.forEach(({ name, target, api }, index) => add({ name, figures: figures[index]!, target, ...(api && apiFloorP95 ? { floorP95: apiFloorP95 } : {}) }));
    } catch (error) {
      log(`${names.map(({ name }) => name).join(', ')}: failed (${error instanceof Error ? error.message : String(error)})`);
      for (const { name, target } of names) add({ name, figures: figuresOf([]), target });
    }
  };
  const run = (name: string, path: string | string[], cookie: string, target?: number) => measured([{ name, target, api: true }], async () => [await loadTest(appUrl, path, cookie, load)]);

  await run('GET /api/dashboard (everyone)', '/api/dashboard?scope=everyone', supervisor, TARGETS.dashboardMs);
  await run('GET /api/dashboard (an agent: me)', '/api/dashboard', agent, TARGETS.dashboardMs);
  // As the list page asks for them (the fields it shows of each lead), then whole leads.
  const leadListFields = `&fields=${LEAD_LIST_PAGE_FIELDS.join(',')}`;
  await run('lead list: CONTACTED in Dayton, newest first', `/api/leads?status=CONTACTED&city=Dayton&sort=-createdAt&limit=50${leadListFields}`, supervisor, TARGETS.listMs);
  await run('lead list: all, by asking price', `/api/leads?sort=askingPrice&limit=50${leadListFields}`, supervisor, TARGETS.listMs);
  await run('  (all, by asking price, whole leads: no fields=)', '/api/leads?sort=askingPrice&limit=50', supervisor);
  await run('lead detail', `/api/leads/${leadId}`, supervisor, TARGETS.listMs);
  // Matches as the pages ask for them (the fields they show of each record), then whole records.
  const [buyersAsShown, leadsAsShown] = [`?fields=${LEAD_MATCH_BUYER_FIELDS.join(',')}`, `?fields=${BUYER_MATCH_LEAD_FIELDS.join(',')}`];
  await run('lead detail: matching buyers', `/api/leads/${leadId}/matches${buyersAsShown}`, supervisor, TARGETS.matchesMs);
  await run('buyer matches: matching leads', `/api/buyers/${buyerId}/matches${leadsAsShown}`, supervisor, TARGETS.matchesMs);
  // The two above are answered from the kept answer after the first request; these compute each one.
  await run('  (each request another lead: computed)', volumeIds('vlead', 6, DISTINCT_MATCH_RECORDS).map((id) => `/api/leads/${id}/matches${buyersAsShown}`), supervisor, TARGETS.matchesMs);
  await run('  (each request another buyer: computed)', volumeIds('vbuyer', 5, DISTINCT_MATCH_RECORDS).map((id) => `/api/buyers/${id}/matches${leadsAsShown}`), supervisor, TARGETS.matchesMs);
  await run('  (computed, whole buyers: no fields=)', volumeIds('vlead', 6, DISTINCT_MATCH_RECORDS).map((id) => `/api/leads/${id}/matches`), supervisor);
  await run('  (computed, whole leads: no fields=)', volumeIds('vbuyer', 5, DISTINCT_MATCH_RECORDS).map((id) => `/api/buyers/${id}/matches`), supervisor);
  // The buyer list as its page asks for it (the fields it shows); the offer and deal lists answer whole.
  const lists = [['buyer list', '/api/buyers', `&fields=${BUYER_LIST_PAGE_FIELDS.join(',')}`], ['offer list', '/api/offers', ''], ['deal list', '/api/deals', '']] as const;
  for (const [name, listPath, shown] of lists) {
    await run(`${name}: newest first, page 1`, `${listPath}?limit=50${shown}`, supervisor, TARGETS.listMs);
    const deep = await cursorAfter(appUrl, listPath, supervisor, options.deepRow);
    await run(`${name}: newest first, after row ${options.deepRow.toLocaleString('en-US')}`, `${listPath}?limit=50${shown}&cursor=${deep}`, supervisor, TARGETS.listMs);
  }
  // What the tasks page asks for: open work unless a status is picked, each task as the page shows it; then whole tasks.
  const open = `status=${OPEN_TASK_STATUSES.join(',')}`;
  const taskListFields = `&fields=${TASK_LIST_PAGE_FIELDS.join(',')}`;
  await run('task list: the team, open, by due date', `/api/tasks?view=team&${open}&limit=50${taskListFields}`, supervisor, TARGETS.listMs);
  await run('task list: the team, overdue, by due date', `/api/tasks?view=team&due=overdue&limit=50${taskListFields}`, supervisor, TARGETS.listMs);
  await run('task list: mine, open, by priority', `/api/tasks?view=mine&${open}&sort=priority&limit=50${taskListFields}`, agent, TARGETS.listMs);
  await run('  (the team, open, whole tasks: no fields=)', `/api/tasks?view=team&${open}&limit=50`, supervisor);
  await run('global counts: notifications and unread', '/api/notifications', agent, TARGETS.listMs);
  // Find anything as people type it (issue 14: p95 < 20 ms): part of a seller's phone number, the start of a name.
  const probe = (await (await fetch(`${appUrl}/api/leads/${leadId}`, { headers: { cookie: supervisor } })).json()) as { sellerName: string; sellerPhone: string | null };
  const digits = (probe.sellerPhone ?? '5550100').replace(/\D/g, '').slice(-7);
  await run('search: part of a phone number', `/api/search?q=${encodeURIComponent(`${digits.slice(0, 3)}-${digits.slice(3)}`)}`, agent, TARGETS.searchMs);
  await run('search: the start of a name', `/api/search?q=${encodeURIComponent(probe.sellerName.slice(0, 4))}`, agent, TARGETS.searchMs);
  // As "My calls" asks for it (the fields it shows of each lead), then whole leads.
  await run("call queue: an agent's next calls", `/api/queue?fields=${CALL_QUEUE_LEAD_FIELDS.join(',')}`, agent, TARGETS.queueMs);
  await run('  (whole leads: no fields=)', '/api/queue', agent);

  await measured(
    [{ name: 'SSE: Event commit → received by the client', target: TARGETS.sseMs }, { name: 'lead POST → its task.created over SSE', target: TARGETS.postToTaskMs }, { name: 'lead POST → 201' }],
    async () => {
      const sse = await measureSse(appUrl, agent, options.sseLeads);
      return [figuresOf(sse.commitToBrowser), figuresOf(sse.postToTask), figuresOf(sse.post)];
    },
  );
  // Printed beside the commit → client figure above (issue 18: "the floor measured here is about 3 ms").
  add({ name: 'SSE floor: better-sse push → client on loopback', figures: figuresOf(await measureSseFloor(options.sseLeads)) });
  await measured([{ name: "lead committed → in a 2nd browser's activity feed", target: TARGETS.browserLiveMs }], async () => [figuresOf(await measureBrowserLiveUpdate(appUrl, supervisor, agent, options.browserLeads))]);

  await settled(appUrl);
  const loads = await measurePageLoads(
    appUrl,
    supervisor,
    [
      { name: 'dashboard', path: '/', content: '[data-testid="kpi-leads"]:not(.kpi-pending)' },
      { name: 'leads list', path: '/leads', content: '[data-testid="leads-table"] tbody tr' },
      { name: 'lead detail', path: `/leads/${leadId}`, content: '[data-testid="lead-mao"]' },
      { name: 'tasks', path: '/tasks', content: 'table[aria-label="Tasks"] tbody a[href^="/tasks/"]' },
      { name: 'buyer profile', path: `/buyers/${buyerId}`, content: '[data-testid="buyer-match-row"], [aria-labelledby="buyer-matches-title"] li.empty' },
    ],
    options.pageLoads,
  );
  for (const [page, figures] of loads) add({ name: `page load, cold: ${page} (Chromium)`, figures: figuresOf(figures), target: TARGETS.pageLoadMs });
  return measures;
}
