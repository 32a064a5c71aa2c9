import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '../../prisma/seed';
import { freePort, isPortOpen } from '../../scripts/lib/processes';
import { startStack, type Stack, type StackOptions } from '../../scripts/lib/stack';
import { buildLeadInput } from '../support/factories';
import { openEventStream } from '../support/sse-client';
import { requireTemporalCli } from '../support/temporal-env';
import { ROOT_DIR } from '../support/test-db';
import { waitUntil } from '../support/wait-until';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { IDLE_CONNECTION_MS } from '../../api/keep-idle-connections';
import { logInAsDemoUser } from '../../scripts/lib/log-in';

jest.setTimeout(180_000);

const logs: string[] = [];
let options: StackOptions;
let stack: Stack | undefined;

beforeAll(async () => {
  options = {
    rootDir: ROOT_DIR,
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-stack-')),
    port: await freePort(),
    temporalPort: await freePort(),
    temporalUiPort: await freePort(),
    temporalCli: requireTemporalCli(),
    headless: true,
    // As `npm start` runs them (BACKGROUND_NICE's default).
    backgroundNice: 10,
    log: (line) => logs.push(line),
  };
  stack = await startStack(options);
});

afterAll(async () => {
  await stack?.stop();
  fs.rmSync(options.dataDir, { recursive: true, force: true });
});

afterEach(() => {
  const state = expect.getState();
  if (state.assertionCalls !== state.numPassingAsserts) console.log(logs.slice(-80).join('\n'));
});


describe('the whole stack (Temporal dev server, worker and API processes, SQLite file)', () => {
  it('seeds every demo login and starts the seeded leads\' workflows', async () => {
    const { appUrl } = stack!;
    expect(stack!.seeded).toBe(true);
    for (const user of DEMO_USERS) {
      const cookie = await logInAsDemoUser(appUrl, user.email);
      const me = (await (await fetch(`${appUrl}/api/me`, { headers: { cookie } })).json()) as any;
      expect(me).toMatchObject({ email: user.email, role: user.role });
    }
    const cookie = await logInAsDemoUser(appUrl, 'agent@flipstackk.test');
    const leads = (await (await fetch(`${appUrl}/api/leads?status=NEW`, { headers: { cookie } })).json()) as any;
    expect(leads.items.length).toBeGreaterThanOrEqual(3);
    // The NEW ones get their contact task from their workflow; the story's leads past NEW were contacted already.
    await waitUntil('every seeded NEW lead to have its contact task', async () => {
      const tasks = (await (await fetch(`${appUrl}/api/tasks?limit=200`, { headers: { cookie } })).json()) as any;
      const withTask = new Set(tasks.items.filter((t: { title: string }) => t.title === 'Contact lead within 1 hour').map((t: { leadId: string }) => t.leadId));
      return leads.items.every((lead: { id: string }) => withTask.has(lead.id));
    }, 30_000);
    const health = await fetch(`${appUrl}/api/health`);
    expect(health.status).toBe(200);
    // Idle connections outlast Caddy's 2-minute upstream reuse and fetch's own (announced timeout − 1 s).
    expect(health.headers.get('keep-alive')).toBe(`timeout=${IDLE_CONNECTION_MS / 1000}`);
  });

  it('runs the Temporal server and the worker at the background niceness, every thread of them, and the API at 0', () => {
    // A thread listed may end before its stat is read (the runtimes start and stop pool threads): it has no niceness left to check.
    const niceOf = (pid: number, thread = pid): number | null => {
      try {
        return Number(fs.readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && thread !== pid) return null;
        throw error;
      }
    };
    const threadsOf = (pid: number): number[] => fs.readdirSync(`/proc/${pid}/task`).map(Number);
    for (const name of ['temporal', 'worker'] as const) {
      const pid = stack!.processes[name].current().child.pid!;
      const nices = threadsOf(pid).map((thread) => niceOf(pid, thread)).filter((nice) => nice !== null);
      expect(nices.length).toBeGreaterThan(1);
      expect({ name, nices: [...new Set(nices)] }).toEqual({ name, nices: [10] });
    }
    expect(niceOf(stack!.processes.api.current().child.pid!)).toBe(0);
  });

  it('logs in, opens SSE, creates a lead and receives task.created for it', async () => {
    const { appUrl } = stack!;
    const cookie = await logInAsDemoUser(appUrl, 'agent@flipstackk.test');
    const stream = openEventStream(`${appUrl}/api/events`, cookie);
    try {
      await stream.opened;
      const response = await fetch(`${appUrl}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test', cookie },
        body: JSON.stringify(buildLeadInput({ sellerName: 'Integration Seller' })),
      });
      expect(response.status).toBe(201);
      const lead = (await response.json()) as any;
      const event = await stream.waitFor((e) => e.name === 'task.created' && e.data.entity.leadId === lead.id, 30_000);
      expect(event.data.entity).toMatchObject({ title: 'Contact lead within 1 hour', priority: 'HIGH' });
    } finally {
      stream.close();
    }
  });

  it('stops leaving nothing listening, and a restart on the same data keeps everything and seeds nothing', async () => {
    const cookie = await logInAsDemoUser(stack!.appUrl, 'agent@flipstackk.test');
    const before = (await (await fetch(`${stack!.appUrl}/api/dashboard`, { headers: { cookie } })).json()) as any;
    const taskIds = async (appUrl: string, session: string): Promise<string[]> =>
      ((await (await fetch(`${appUrl}/api/tasks?limit=200`, { headers: { cookie: session } })).json()) as any).items.map((t: { id: string }) => t.id);
    const tasksBefore = await taskIds(stack!.appUrl, cookie);
    await stack!.stop();
    stack = undefined;
    for (const port of [options.port, options.temporalPort]) expect(await isPortOpen(port)).toBe(false);

    stack = await startStack(options);
    expect(stack.seeded).toBe(false);
    const again = await logInAsDemoUser(stack.appUrl, 'agent@flipstackk.test');
    const after = (await (await fetch(`${stack.appUrl}/api/dashboard`, { headers: { cookie: again } })).json()) as any;
    expect(after.leads).toBe(before.leads);
    // Every task is still there. A workflow of the demo data still starting when the stack stopped
    // (a slow machine) may add its task after the restart: that is the automation resuming, not a seed.
    expect(await taskIds(stack.appUrl, again)).toEqual(expect.arrayContaining(tasksBefore));
    expect(after.openTasks).toBeGreaterThanOrEqual(before.openTasks);
  });

  it('restarts a worker and an API killed with SIGKILL, logs why, and the next lead still gets its contact task', async () => {
    const { appUrl, processes } = stack!;
    const [workerPid, apiPid] = [processes.worker.current().child.pid, processes.api.current().child.pid];
    const pollingBefore = logs.filter((line) => line.includes('worker: polling')).length;
    processes.worker.current().child.kill('SIGKILL');
    processes.api.current().child.kill('SIGKILL');
    await waitUntil('both restarted', async () => processes.worker.restarts() >= 1 && processes.api.restarts() >= 1, 30_000);
    expect(processes.worker.current().child.pid).not.toBe(workerPid);
    expect(processes.api.current().child.pid).not.toBe(apiPid);
    expect(logs).toEqual(expect.arrayContaining(['[supervisor] worker died (killed by SIGKILL); restarting in 1.0 s', '[supervisor] api died (killed by SIGKILL); restarting in 1.0 s']));

    // The restarted worker loads the stack's bundle: it does not spend seconds bundling `workflows/` again.
    await waitUntil('the restarted worker polling', async () => logs.filter((line) => line.includes('worker: polling')).length > pollingBefore, 60_000);
    const bundles = logs.filter((line) => line.includes('worker: workflows '));
    expect(bundles.at(-1)).toContain(`worker: workflows from the bundle ${path.join(options.dataDir, 'workflow-bundle.js')}`);
    await waitUntil('the API answering again', async () => (await fetch(`${appUrl}/api/health`).catch(() => undefined))?.ok, 120_000);
    const cookie = await logInAsDemoUser(appUrl, 'agent@flipstackk.test');
    const created = await fetch(`${appUrl}/api/leads`, { method: 'POST', headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test', cookie }, body: JSON.stringify(buildLeadInput({ sellerName: 'After Restart' })) });
    expect(created.status).toBe(201);
    const lead = (await created.json()) as { id: string };
    await waitUntil('the contact task from the restarted worker', async () => {
      const tasks = (await (await fetch(`${appUrl}/api/tasks?leadId=${lead.id}`, { headers: { cookie } })).json()) as { items: Array<{ title: string }> };
      return tasks.items.some((task) => task.title === 'Contact lead within 1 hour');
    }, 180_000);
  }, 420_000);
});
