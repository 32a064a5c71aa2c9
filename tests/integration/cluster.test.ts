import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { IDEMPOTENCY_HEADER } from '../../domain/idempotency-key.schema';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { startCluster, type Cluster, type ClusterOptions } from '../../scripts/lib/cluster';
import { freePort, isPortOpen } from '../../scripts/lib/processes';
import { buildWebIfStale } from '../../scripts/lib/web-build';
import { buildLeadInput } from '../support/factories';
import { openEventStream, type ReceivedEvent } from '../support/sse-client';
import { requireTemporalCli } from '../support/temporal-env';
import { ROOT_DIR } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// `npm run test:cluster` (not `npm test`): it needs the cluster's binaries
// (scripts/install-cluster-tools.sh) and starts PostgreSQL, a Temporal server, 2 workers, 2 APIs and Caddy.
const logs: string[] = [];
let options: ClusterOptions;
let cluster: Cluster | undefined;

/**
 * 13 free ports in a row from a random base (the cluster takes CLUSTER_PORT_BASE and the 12 after
 * it), below 32759: Temporal stores its membership ports in a PostgreSQL smallint.
 */
async function freePortRun(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const open = await Promise.all(Array.from({ length: 13 }, (_, i) => isPortOpen(base + i)));
    if (!open.some(Boolean)) return base;
  }
}

beforeAll(async () => {
  buildWebIfStale(ROOT_DIR, (line) => logs.push(line));
  options = {
    rootDir: ROOT_DIR,
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-cluster-')),
    port: await freePort(),
    portBase: await freePortRun(),
    temporalCli: requireTemporalCli(),
    postgresBin: '/usr/lib/postgresql/15/bin',
    postgresOsUser: 'postgres',
    headless: true,
    log: (line) => logs.push(line),
  };
  cluster = await startCluster(options).catch((error: unknown) => {
    console.log(logs.slice(-150).join('\n'));
    throw error;
  });
}, 600_000);

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(options.dataDir, { recursive: true, force: true });
}, 120_000);

afterEach(() => {
  const state = expect.getState();
  if (state.assertionCalls !== state.numPassingAsserts) console.log(logs.slice(-120).join('\n'));
});

async function login(appUrl: string, email: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** As the web app creates: with an Idempotency-Key, which lets the proxy resend it to the other API if the first dies. */
async function createLead(appUrl: string, cookie: string, sellerName: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test', [IDEMPOTENCY_HEADER]: randomUUID(), cookie },
    body: JSON.stringify(buildLeadInput({ sellerName })),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const isContactTask = (leadId: string) => (event: ReceivedEvent) => event.name === 'task.created' && event.data.entity.leadId === leadId;

describe('npm run start:cluster (PostgreSQL, Temporal server, 2 workers, 2 APIs behind Caddy)', () => {
  it('serves the web app, the API and SSE on one port: a lead created through the proxy gets its contact task over SSE', async () => {
    const { appUrl } = cluster!;
    expect(cluster!.seeded).toBe(true);
    // The app's data is in its own database on the cluster's PostgreSQL, not in a SQLite file.
    expect(cluster!.appDatabase).toMatch(new RegExp(`^postgresql://[^@]+@127\\.0\\.0\\.1:${cluster!.ports.postgres}/flipstackk$`));
    expect(fs.existsSync(path.join(options.dataDir, 'flipstackk.db'))).toBe(false);
    const page = await fetch(`${appUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    // Both APIs are behind the proxy: round robin reaches each.
    const upstreams = new Set<string>();
    for (let i = 0; i < 6; i += 1) upstreams.add((await fetch(`${appUrl}/api/health`)).headers.get('x-flipstackk-upstream') ?? '');
    expect([...upstreams].sort()).toEqual(cluster!.ports.apis.map((port) => `127.0.0.1:${port}`).sort());

    const cookie = await login(appUrl, 'agent@flipstackk.test');
    const stream = openEventStream(`${appUrl}/api/events`, cookie);
    try {
      await stream.opened;
      const leadId = await createLead(appUrl, cookie, 'Cluster Seller');
      const event = await stream.waitFor(isContactTask(leadId), 60_000);
      expect(event.data.entity).toMatchObject({ title: 'Contact lead within 1 hour', priority: 'HIGH' });
      // Live, it skipped nothing the Event table holds, though two workers committed concurrently
      // (the demo data's automation was running): a replay of the same range has the same events.
      const first = stream.received[0]!;
      const replay = openEventStream(`${appUrl}/api/events`, cookie, { 'last-event-id': String(Number(first.id) - 1) });
      try {
        await replay.waitFor((received) => received.id === event.id, 60_000);
        const upTo = (events: ReceivedEvent[]) => events.filter((received) => Number(received.id) <= Number(event.id)).map((received) => `${received.id} ${received.name}`);
        expect(upTo(stream.received)).toEqual(upTo(replay.received));
      } finally {
        replay.close();
      }
    } finally {
      stream.close();
    }
  });

  it('the next lead still gets its task after one worker is killed with SIGKILL', async () => {
    const { appUrl, processes } = cluster!;
    const [killed, other] = processes.workers;
    const killedPid = killed!.current().child.pid;
    const otherPid = other!.current().child.pid;
    killed!.current().child.kill('SIGKILL');
    await waitUntil('the worker to be gone', async () => killed!.restarts() >= 1 || killed!.current().child.signalCode === 'SIGKILL', 30_000);

    const cookie = await login(appUrl, 'agent@flipstackk.test');
    const stream = openEventStream(`${appUrl}/api/events`, cookie);
    try {
      await stream.opened;
      const leadId = await createLead(appUrl, cookie, 'After Worker Kill');
      const event = await stream.waitFor(isContactTask(leadId), 120_000);
      expect(event.data.entity).toMatchObject({ title: 'Contact lead within 1 hour' });
    } finally {
      stream.close();
    }
    // The other worker was never touched; the killed one is restarted by the supervisor.
    expect(other!.current().child.pid).toBe(otherPid);
    expect(other!.restarts()).toBe(0);
    await waitUntil('the killed worker restarted', async () => killed!.restarts() >= 1, 30_000);
    expect(killed!.current().child.pid).not.toBe(killedPid);
    expect(logs).toEqual(expect.arrayContaining([expect.stringMatching(/^\[supervisor\] worker-\d died \(killed by SIGKILL\)/)]));
  }, 300_000);

  it('an SSE client whose API is killed with SIGKILL resumes through the proxy with Last-Event-ID, missing nothing', async () => {
    const { appUrl, processes, ports } = cluster!;
    const cookie = await login(appUrl, 'agent@flipstackk.test');
    const servedBy: string[] = [];
    const stream = openEventStream(`${appUrl}/api/events`, cookie, {}, undefined, (response) => servedBy.push(response.headers.get('x-flipstackk-upstream') ?? '?'));
    try {
      await stream.opened;
      const before = await createLead(appUrl, cookie, 'Before API Kill');
      const seen = await stream.waitFor(isContactTask(before), 60_000);

      // Kill the API process holding this stream; a lead created meanwhile lands on the other.
      const holding = servedBy[0]!;
      const index = ports.apis.findIndex((port) => holding === `127.0.0.1:${port}`);
      expect(index).toBeGreaterThanOrEqual(0);
      processes.apis[index]!.current().child.kill('SIGKILL');
      const during = await createLead(appUrl, cookie, 'During API Kill');
      const after = await stream.waitFor(isContactTask(during), 120_000);
      // It reconnected, through the proxy, to the other API (the proxy leaves a failed one out for 10 s).
      expect(servedBy.length).toBeGreaterThanOrEqual(2);
      expect(servedBy.at(-1)).toBe(`127.0.0.1:${ports.apis[1 - index]}`);
      // Each event once, in order, across the reconnect.
      const ids = stream.received.map((event) => Number(event.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);

      // Nothing missed: a fresh stream resuming from the same point replays exactly what the
      // reconnected one received between those two events (the replay reads the Event table).
      const replay = openEventStream(`${appUrl}/api/events`, cookie, { 'last-event-id': seen.id });
      try {
        await replay.waitFor((event) => event.id === after.id, 60_000);
        const between = (events: ReceivedEvent[]) => events.filter((event) => Number(event.id) > Number(seen.id) && Number(event.id) <= Number(after.id)).map((event) => `${event.id} ${event.name}`);
        expect(between(stream.received)).toEqual(between(replay.received));
        expect(between(stream.received)).toContain(`${after.id} task.created`);
      } finally {
        replay.close();
      }
    } finally {
      stream.close();
    }
  }, 300_000);

  it('stops leaving nothing listening on any of its ports, PostgreSQL included', async () => {
    const { ports } = cluster!;
    await cluster!.stop();
    cluster = undefined;
    const all = [ports.proxy, ports.temporalFrontend, ports.temporalFrontendHttp, ports.temporalHistory, ports.temporalMatching, ports.temporalWorker, ports.postgres, ...ports.apis];
    for (const port of all) expect(await isPortOpen(port)).toBe(false);
    expect(fs.existsSync(path.join(options.dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
