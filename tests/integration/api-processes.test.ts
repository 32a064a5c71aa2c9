import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { freePort } from '../../scripts/lib/processes';
import { startStack, type Stack, type StackOptions } from '../../scripts/lib/stack';
import { preparedRun } from '../support/prepared-run';
import { requireTemporalCli } from '../support/temporal-env';
import { ROOT_DIR } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const logs: string[] = [];
let options: StackOptions;
let stack: Stack | undefined;

beforeAll(async () => {
  const prepared = preparedRun();
  options = {
    rootDir: ROOT_DIR,
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-api-processes-')),
    port: await freePort(),
    temporalPort: await freePort(),
    temporalUiPort: await freePort(),
    temporalCli: requireTemporalCli(),
    headless: true,
    ...(prepared ? { migratedTemplate: prepared.migratedDatabase } : {}),
    env: { API_PROCESSES: '2', ...(prepared ? { WORKFLOW_BUNDLE: prepared.workflowBundle } : {}) },
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

const childrenOf = (pid: number): number[] =>
  fs.readdirSync(`/proc/${pid}/task`).flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));

/** Running (a zombie waiting for its parent to reap it counts as ended). */
const isAlive = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

/** One request on a connection of its own (fetch would reuse one, which stays with one process). */
function request(method: string, urlPath: string, body?: unknown): Promise<{ status: number; text: string }> {
  const url = new URL(urlPath, stack!.appUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** The pids whose request log names this path. */
const pidsServing = (urlPath: string): Set<number> =>
  new Set(
    logs
      .filter((line) => line.startsWith('[api] ') && line.includes(`"path":"${urlPath}"`))
      .map((line) => (JSON.parse(line.slice('[api] '.length)) as { pid: number }).pid),
  );

describe('the API as several processes (API_PROCESSES=2)', () => {
  it('answers one port from two processes, each taking new connections', async () => {
    const primary = stack!.processes.api.current().child.pid!;
    const processes = childrenOf(primary);
    expect(processes).toHaveLength(2);
    // The kernel gives each new connection to whichever process accepts first: ask until both have answered.
    await waitUntil('both processes to have answered a health check', async () => {
      expect((await request('GET', '/api/health')).status).toBe(200);
      return pidsServing('/api/health').size === 2;
    }, 30_000);
    expect([...pidsServing('/api/health')].sort()).toEqual([...processes].sort());
  });

  it('answers GET /metrics with the requests of every process, summed by the primary', async () => {
    for (let index = 0; index < 10; index += 1) await request('GET', '/api/health');
    await waitUntil('the metrics to count every health check the processes logged', async () => {
      const logged = logs.filter((line) => line.startsWith('[api] ') && line.includes('"path":"/api/health"')).length;
      const text = (await request('GET', '/metrics')).text;
      const counted = [...text.matchAll(/^http_request_duration_seconds_count\{[^}]*route="\/api\/health"[^}]*\} (\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
      return counted === logged && counted >= 10;
    }, 20_000);
    expect(pidsServing('/api/health').size).toBe(2);
  });

  it('counts wrong passwords across the processes: the fifth locks the account, whichever process answers', async () => {
    const email = 'agent@flipstackk.test';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await request('POST', '/api/auth/login', { email, password: `not the password ${attempt}` })).status).toBe(401);
    }
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const locked = await request('POST', '/api/auth/login', { email, password: 'flipstackk' });
      expect(locked.status).toBe(429);
      expect(JSON.parse(locked.text)).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
    }
    // Another account is not locked: the count is per e-mail, not for everyone.
    expect((await request('POST', '/api/auth/login', { email: 'supervisor@flipstackk.test', password: 'flipstackk' })).status).toBe(200);
  });

  it('starts a process again when one dies, and answers meanwhile', async () => {
    const primary = stack!.processes.api.current().child.pid!;
    const [victim, survivor] = childrenOf(primary);
    process.kill(victim!, 'SIGKILL');
    for (let index = 0; index < 4; index += 1) expect((await request('GET', '/api/health')).status).toBe(200);
    await waitUntil('a new API process in place of the killed one', async () => {
      const now = childrenOf(primary);
      return now.length === 2 && now.includes(survivor!) && !now.includes(victim!);
    }, 20_000);
    expect(stack!.processes.api.current().child.pid).toBe(primary);
    expect(logs.some((line) => line.includes(`api: process ${victim} ended (SIGKILL)`))).toBe(true);
  });

  it('stops every process when the stack stops', async () => {
    const primary = stack!.processes.api.current().child.pid!;
    const processes = childrenOf(primary);
    await stack!.stop();
    stack = undefined;
    await waitUntil('the API processes to end', async () => [primary, ...processes].every((pid) => !isAlive(pid)), 20_000);
  });
});
