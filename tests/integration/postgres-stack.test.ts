import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DEMO_USERS } from '../../prisma/seed';
import { logInAsDemoUser } from '../../scripts/lib/log-in';
import { freePort } from '../../scripts/lib/processes';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { buildLeadInput } from '../support/factories';
import { requireTemporalCli } from '../support/temporal-env';
import { startScratchPostgres } from '../support/postgres';
import { ROOT_DIR } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// The stack as `DATABASE_URL=postgresql://… npm start` runs it: migrations and demo data go to
// PostgreSQL, and the worker and API processes read and write there, never a SQLite file.
const logs: string[] = [];
let postgres: Awaited<ReturnType<typeof startScratchPostgres>> | undefined;
let stack: Stack | undefined;
let databaseUrl: string;

beforeAll(async () => {
  postgres = await startScratchPostgres('flipstackk-pg-stack-');
  databaseUrl = postgres.url;
  stack = await startStack({
    rootDir: ROOT_DIR,
    dataDir: path.join(postgres.dir, 'stack'),
    port: await freePort(),
    temporalPort: await freePort(),
    temporalUiPort: await freePort(),
    temporalCli: requireTemporalCli(),
    headless: true,
    databaseUrl,
    log: (line) => logs.push(line),
  });
});

afterAll(async () => {
  await stack?.stop();
  await postgres?.stop();
});

afterEach(() => {
  const state = expect.getState();
  if (state.assertionCalls !== state.numPassingAsserts) console.log(logs.slice(-80).join('\n'));
});

async function countIn(sql: string, values: unknown[] = []): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query(sql, values)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('the whole stack on PostgreSQL (DATABASE_URL)', () => {
  it('seeds PostgreSQL, and a lead created through the API gets its contact task from the worker there', async () => {
    const { appUrl } = stack!;
    expect(stack!.seeded).toBe(true);
    expect(await countIn('SELECT COUNT(*) AS n FROM "User"')).toBe(DEMO_USERS.length);
    expect(fs.existsSync(stack!.databaseFile)).toBe(false);

    const cookie = await logInAsDemoUser(appUrl, DEMO_USERS.find((user) => user.role === 'AGENT')!.email, 'test');
    const created = await fetch(`${appUrl}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, [CLIENT_HEADER]: 'test' },
      body: JSON.stringify(buildLeadInput({ sellerName: 'Pat Postgres' })),
    });
    expect(created.status).toBe(201);
    const lead = (await created.json()) as { id: string };
    expect(await countIn('SELECT COUNT(*) AS n FROM "Lead" WHERE "id" = $1', [lead.id])).toBe(1);

    // The worker's workflow writes the task to PostgreSQL; the API lists it from there.
    const tasks = await waitUntil('the lead\'s contact task', async () => {
      const response = await fetch(`${appUrl}/api/tasks?leadId=${lead.id}`, { headers: { cookie } });
      const body = (await response.json()) as { items: Array<{ title: string }> };
      return body.items.length > 0 ? body.items : undefined;
    });
    expect(tasks.length).toBeGreaterThan(0);
    expect(await countIn('SELECT COUNT(*) AS n FROM "Task" WHERE "leadId" = $1', [lead.id])).toBe(tasks.length);
  });
});
