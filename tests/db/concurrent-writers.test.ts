import { spawn } from 'node:child_process';
import path from 'node:path';
import { countInTransactions } from '../support/count-in-transactions';
import { createTestDb, ROOT_DIR, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';
import { BUSY_TIMEOUT_MS } from '../../db/client';

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
