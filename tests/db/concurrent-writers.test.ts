import { spawn } from 'node:child_process';
import path from 'node:path';
import { countInTransactions } from '../support/count-in-transactions';
import { createTestDb, ROOT_DIR, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, openDb, sqliteConnectionOf } from '../../db/client';

jest.setTimeout(180_000);

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

/** The same read-then-write transactions in another process (as the worker beside the API). */
function countInAnotherProcess(file: string, times: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'tests/support/count-in-transactions.ts'), file, String(times)], { cwd: ROOT_DIR });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

it('two processes writing in read-then-write transactions at once both finish, none lost', async () => {
  const times = 300;
  const other = countInAnotherProcess(testDb.file, times);
  // Both loops run side by side: this one starts once the other process has begun counting.
  await waitUntil('the other process counting', () => testDb.db.setting.findUnique({ where: { key: 'counter' } }), 120_000);
  await countInTransactions(testDb.db, times);
  const { code, stderr } = await other;
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const counter = await testDb.db.setting.findUniqueOrThrow({ where: { key: 'counter' } });
  expect(Number(counter.value)).toBe(2 * times);
});

/** Another process holding SQLite's write lock for `ms` (a long import batch, a backup); resolves once it holds it. */
async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const script = `const db = new (require('better-sqlite3'))(process.argv[1]); db.exec('BEGIN IMMEDIATE'); console.log('held'); setTimeout(() => { db.exec('COMMIT'); console.log('released'); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], { cwd: ROOT_DIR });
  let output = '';
  const said = (word: string) => new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => ((output += chunk.toString()), output.includes(word) && resolve())));
  await said('held');
  return { released: said('released') };
}

it('a transaction that cannot begin within the busy timeout fails alone: the next one writes', async () => {
  const lock = await holdWriteLock(testDb.file, BUSY_TIMEOUT_MS + 2_000);
  const write = (value: string) => testDb.db.$transaction((tx) => tx.setting.upsert({ where: { key: 'busy' }, create: { key: 'busy', value }, update: { value } }));
  await expect(write('while locked')).rejects.toMatchObject({ code: 'P1008' });
  await lock.released;
  // The adapter's own lock on the connection went back with the failed begin (before, this waited forever).
  await write('after');
  expect((await testDb.db.setting.findUniqueOrThrow({ where: { key: 'busy' } })).value).toBe('after');
});

it("waits for another process's write lock without blocking the thread, then writes", async () => {
  const lock = await holdWriteLock(testDb.file, 600);
  let ticks = 0;
  const ticker = setInterval(() => (ticks += 1), 10);
  try {
    const write = testDb.db.$transaction((tx) => tx.setting.upsert({ where: { key: 'waited' }, create: { key: 'waited', value: 'yes' }, update: { value: 'yes' } }));
    await lock.released;
    // While the transaction waited for the lock, timers kept firing: requests and streams are served meanwhile.
    expect(ticks).toBeGreaterThan(20);
    await write;
  } finally {
    clearInterval(ticker);
  }
  expect((await testDb.db.setting.findUniqueOrThrow({ where: { key: 'waited' } })).value).toBe('yes');
});

describe("the API's checkpoints", () => {
  /** A checkpoint from a connection of the test's own: how many frames the WAL holds. */
  const walFrames = (file: string): { log: number; checkpointed: number } => {
    const connection = new Database(file);
    try {
      return (connection.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>)[0]!;
    } finally {
      connection.close();
    }
  };

  it('leave its commits: the WAL grows past where a commit would checkpoint, and a timer checkpoints it', async () => {
    const everyMs = 400;
    const db = await openDb(testDb.file, { checkpointEveryMs: everyMs });
    try {
      expect(Number(sqliteConnectionOf(db)!.pragma('wal_autocheckpoint', { simple: true }))).toBe(0);
      // More pages than a commit's own checkpoint lets the WAL hold (1,000), written at once.
      const note = 'x'.repeat(3_000);
      const fill = async (round: number) => {
        for (let batch = 0; batch < 6; batch += 1) {
          await db.$transaction((tx) => tx.setting.createMany({ data: Array.from({ length: 400 }, (_, n) => ({ key: `filler-${round}-${batch}-${n}`, value: note })) }));
        }
      };
      await fill(1);
      // No commit checkpointed: a checkpoint now finds the WAL past 1,000 frames.
      expect(walFrames(testDb.file).log).toBeGreaterThan(1_000);
      await fill(2);
      // Once the timer has checkpointed all of it, the next commit starts the WAL again from its first frame.
      await new Promise((resolve) => setTimeout(resolve, 3 * everyMs));
      await db.setting.create({ data: { key: 'after the checkpoint', value: 'small' } });
      expect(walFrames(testDb.file).log).toBeLessThan(20);
    } finally {
      await db.$disconnect();
    }
  });
});
