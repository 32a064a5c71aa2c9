jest.setTimeout(240_000);

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { verifyPassword } from '../../db/passwords';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { startScratchPostgres } from '../support/postgres';

const ROOT = path.resolve(__dirname, '..', '..');
const TABLES = ['User', 'Lead', 'Deal', 'Event', 'Buyer', 'BuyerMarket', 'Offer', 'Task'] as const;
const SIZE = ['--leads', '200', '--buyers', '50', '--tasks', '300'];

const seedVolume = (args: string[]): string => execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'scripts', 'seed-volume.ts'), ...SIZE, ...args], { cwd: ROOT, encoding: 'utf8' });

let postgres: Awaited<ReturnType<typeof startScratchPostgres>>;
let pg: Client;
let sqlite: Database.Database;

beforeAll(async () => {
  postgres = await startScratchPostgres('flipstackk-seed-volume-');
  seedVolume(['--database-url', postgres.url]);
  seedVolume(['--db', path.join(postgres.dir, 'volume.db')]);
  pg = new Client({ connectionString: postgres.url });
  await pg.connect();
  sqlite = new Database(path.join(postgres.dir, 'volume.db'), { readonly: true });
}, 240_000);

afterAll(async () => {
  sqlite?.close();
  await pg?.end();
  await postgres?.stop();
});

describe('seed:volume --database-url', () => {
  it('writes the same rows to PostgreSQL as to SQLite', async () => {
    for (const table of TABLES) {
      const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number };
      const { rows } = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
      expect({ table, n: Number(rows[0]!.n) }).toEqual({ table, n });
    }
    expect(Number((await pg.query<{ n: string }>('SELECT count(*) AS n FROM "Lead"')).rows[0]!.n)).toBe(200);
    const query = 'SELECT "id", "sellerName", "status", "askingPrice", "ownerId" FROM "Lead" ORDER BY "id" LIMIT 5';
    expect((await pg.query(query)).rows).toEqual(sqlite.prepare(query).all());
    // Booleans from SQLite's 0/1, timestamps (UTC, as Prisma keeps them) from ISO strings.
    const tasks = await pg.query<{ overdue: boolean; createdAt: string }>('SELECT "overdue", "createdAt"::text AS "createdAt" FROM "Task" ORDER BY "id" LIMIT 1');
    const task = sqlite.prepare('SELECT "overdue", "createdAt" FROM "Task" ORDER BY "id" LIMIT 1').get() as { overdue: number; createdAt: string };
    expect({ overdue: tasks.rows[0]!.overdue, createdAt: new Date(`${tasks.rows[0]!.createdAt.replace(' ', 'T')}Z`).toISOString() }).toEqual({ overdue: task.overdue === 1, createdAt: new Date(task.createdAt).toISOString() });
  });

  it('stores each lead scored, as every lead write does (so no run starts by re-scoring them all)', async () => {
    const unscored = sqlite.prepare('SELECT count(*) AS n FROM "Lead" WHERE "scoredAt" IS NULL').get() as { n: number };
    expect(unscored.n).toBe(0);
    const leads = sqlite.prepare('SELECT "score", "scoreParts" FROM "Lead" ORDER BY "id" LIMIT 20').all() as Array<{ score: number; scoreParts: string }>;
    for (const lead of leads) {
      const parts = JSON.parse(lead.scoreParts) as Array<{ points: number }>;
      expect(parts.length).toBeGreaterThan(0);
      expect(lead.score).toBe(Math.min(100, Math.max(0, parts.reduce((sum, part) => sum + part.points, 0))));
    }
    const { rows } = await pg.query<{ n: string }>('SELECT count(*) AS n FROM "Lead" WHERE "scoredAt" IS NULL');
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('makes the demo logins', async () => {
    const { rows } = await pg.query<{ passwordHash: string; active: boolean }>(`SELECT "passwordHash", "active" FROM "User" WHERE "email" = 'agent@flipstackk.test'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.active).toBe(true);
    expect(await verifyPassword(rows[0]!.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it('refuses a database that already has users', () => {
    expect(() => execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'scripts', 'seed-volume.ts'), ...SIZE, '--database-url', postgres.url], { cwd: ROOT, stdio: 'pipe' })).toThrow(/has users/);
  });
});
