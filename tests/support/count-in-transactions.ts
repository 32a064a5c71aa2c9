import { openDb, type Db } from '../../db/client';

/**
 * Adds 1 to the `counter` setting `times` times, each in a transaction that reads the value and
 * then writes it: the shape that fails with SQLITE_BUSY_SNAPSHOT when another process commits in
 * between. Run as a process by tests/db/concurrent-writers.test.ts, and in the test itself.
 */
export async function countInTransactions(db: Db, times: number): Promise<void> {
  for (let index = 0; index < times; index += 1) {
    await db.$transaction(async (tx) => {
      const row = await tx.setting.findUnique({ where: { key: 'counter' } });
      const value = row ? Number(JSON.parse(row.value)) + 1 : 1;
      await tx.setting.upsert({ where: { key: 'counter' }, create: { key: 'counter', value: String(value) }, update: { value: String(value) } });
    });
  }
}

if (require.main === module) {
  const [file, times] = process.argv.slice(2);
  void (async () => {
    const db = await openDb(file!);
    try {
      await countInTransactions(db, Number(times));
    } finally {
      await db.$disconnect();
    }
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
