import { createEventHub, type EventHub } from '../../../api/sse/event-hub';
import { openDb, type Db } from '../../../db/client';
import { watchCommits } from '../../../db/watch-commits';
import { createTestDb, type TestDb } from '../../support/test-db';
import { waitUntil } from '../../support/wait-until';

jest.setTimeout(180_000);

// The hub never polls here: whatever reaches it came through a wake-up from the database file.
let testDb: TestDb;
let otherProcess: Db;
let hub: EventHub;
let stopWatching: () => void;
const seen: number[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
  otherProcess = await openDb(testDb.file);
  hub = createEventHub({ db: testDb.db, pollMs: null });
  await hub.start();
  hub.subscribe((row) => seen.push(row.id));
  stopWatching = watchCommits(testDb.file, () => hub.wake());
});
afterAll(async () => {
  stopWatching?.();
  hub?.stop();
  await otherProcess?.$disconnect();
  await testDb?.close();
});

const writeEvent = (entityId: string) =>
  otherProcess.event.create({ data: { entityType: 'lead', entityId, action: 'created', payload: '{}' } });

describe('the event hub woken by commits', () => {
  it('streams an event another connection commits, without polling', async () => {
    const event = await writeEvent('woken-1');
    await waitUntil('the hub to stream the event', async () => seen.includes(event.id));
    expect(seen).toEqual([event.id]);
  });

  it('streams every event of a burst once, in commit order', async () => {
    const written: number[] = [];
    for (let i = 0; i < 25; i += 1) written.push((await writeEvent(`burst-${i}`)).id);
    await waitUntil('the hub to stream the whole burst', async () => seen.includes(written.at(-1)!));
    expect(seen.slice(1)).toEqual(written);
  });

  it('streams no event of a transaction the API process has open, and after its rollback skips no event that commits', async () => {
    const streamed: string[] = [];
    const unsubscribe = hub.subscribe((row) => streamed.push(row.entityId));
    await expect(
      testDb.db.$transaction(async (tx) => {
        await tx.event.create({ data: { entityType: 'lead', entityId: 'rolled-back', action: 'created', payload: '{}' } });
        // A commit in another process wakes the hub while this transaction holds the API's connection.
        await hub.poke();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // SQLite hands the rolled-back id to the next insert.
    await writeEvent('after-rollback');
    const next = await writeEvent('next');
    await waitUntil('the hub to stream the events after the rollback', async () => seen.includes(next.id));
    unsubscribe();
    expect(streamed).toEqual(['after-rollback', 'next']);
  });

  it("streams the API process's own commits at once through openDb's onCommit, with no file watch, and is not called for a rollback", async () => {
    let commits = 0;
    let ownHub: EventHub | undefined;
    const own = await openDb(testDb.file, {
      onCommit: () => {
        commits += 1;
        ownHub?.wake();
      },
    });
    try {
      ownHub = createEventHub({ db: own, pollMs: null });
      await ownHub.start();
      const streamed: string[] = [];
      ownHub.subscribe((row) => streamed.push(row.entityId));
      const event = (entityId: string) => ({ data: { entityType: 'lead', entityId, action: 'created', payload: '{}' } });
      await expect(
        own.$transaction(async (tx) => {
          await tx.event.create(event('own-rolled-back'));
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(commits).toBe(0);
      await own.$transaction(async (tx) => {
        await tx.event.create(event('own-1'));
        await tx.event.create(event('own-2'));
      });
      expect(commits).toBe(1);
      await waitUntil('the own hub to stream the commit', async () => streamed.length === 2);
      expect(streamed).toEqual(['own-1', 'own-2']);
    } finally {
      ownHub?.stop();
      await own.$disconnect();
    }
  });

  it('answers a committed transaction as committed even when onCommit throws', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const own = await openDb(testDb.file, {
      onCommit: () => {
        throw new Error('listener broke');
      },
    });
    try {
      const saved = await own.$transaction((tx) => tx.event.create({ data: { entityType: 'lead', entityId: 'committed-anyway', action: 'created', payload: '{}' } }));
      expect(await otherProcess.event.findUnique({ where: { id: saved.id } })).toMatchObject({ entityId: 'committed-anyway' });
      expect(errors).toHaveBeenCalledWith('db: onCommit failed after a commit:', expect.objectContaining({ message: 'listener broke' }));
    } finally {
      errors.mockRestore();
      await own.$disconnect();
    }
  });
});
