import { spawn } from 'node:child_process';
import path from 'node:path';
import { countInTransactions } from '../support/count-in-transactions';
import { createTestDb, ROOT_DIR, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

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
