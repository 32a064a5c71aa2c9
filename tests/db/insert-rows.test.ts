import type { Event, Task } from '../../prisma/generated/client';
import { insertRow, insertRows } from '../../db/writes/insert-rows';
import { newRowId } from '../../db/writes/new-row-id';
import { buildUser } from '../support/factories';
import { useTestDb } from '../support/test-db';

jest.setTimeout(180_000);

const testDb = useTestDb();

const taskRow = (assigneeId: string, title: string) => {
  const now = new Date('2026-06-01T10:00:00.123Z');
  return { id: newRowId(), title, type: 'CALL', priority: 'HIGH', dueAt: new Date('2026-06-02T09:30:00.000Z'), assigneeId, createdAt: now, updatedAt: now };
};

describe('insertRow and insertRows', () => {
  it('answers the row as a model read gives it, the columns left out at their defaults', async () => {
    const { db } = testDb;
    const owner = await buildUser(db);
    const saved = await db.$transaction((tx) => insertRow<Task>(tx, 'Task', taskRow(owner.id, 'Call Dana')));
    expect(saved).toEqual(await db.task.findUniqueOrThrow({ where: { id: saved.id } }));
    expect(saved).toMatchObject({ status: 'CREATED', overdue: false, requiresReview: false, dueAt: new Date('2026-06-02T09:30:00.000Z') });

    const event = await db.$transaction((tx) => insertRow<Event>(tx, 'Event', { createdAt: new Date(), entityType: 'task', entityId: saved.id, action: 'created', payload: '{}' }));
    expect(event.id).toEqual(expect.any(Number));
    expect(event).toEqual(await db.event.findUniqueOrThrow({ where: { id: event.id } }));
  });

  it('writes inside the transaction it is given: a rollback takes the rows back', async () => {
    const { db } = testDb;
    const owner = await buildUser(db);
    await expect(
      db.$transaction(async (tx) => {
        await insertRows(tx, 'Task', [taskRow(owner.id, 'Rolled back 1'), taskRow(owner.id, 'Rolled back 2')]);
        await insertRow(tx, 'Task', taskRow(owner.id, 'Rolled back 3'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await db.task.count({ where: { title: { startsWith: 'Rolled back' } } })).toBe(0);
  });

  it('given the client itself, writes in a transaction of its own, never inside another one the process has open', async () => {
    const { db } = testDb;
    const owner = await buildUser(db);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const other = db.$transaction(
      async (tx) => {
        await insertRow(tx, 'Task', taskRow(owner.id, 'Inside the other'));
        opened();
        await held;
        throw new Error('the other rolls back');
      },
      { timeout: 30_000 },
    );
    await isOpen;
    const own = insertRows(db, 'Task', [taskRow(owner.id, 'On its own')]);
    release();
    await expect(other).rejects.toThrow('the other rolls back');
    await own;
    expect((await db.task.findMany({ where: { assigneeId: owner.id }, select: { title: true } })).map((task) => task.title)).toEqual(['On its own']);
  });
});
