import { createTaskActivities } from '../../activities/tasks.activities';
import { buildUser } from '../support/factories';
import { createTestDb, type TestDb } from '../support/test-db';

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

/** Every row a task change may write. */
const rows = async (taskId: string) => ({
  task: await testDb.db.task.findUniqueOrThrow({ where: { id: taskId } }),
  events: await testDb.db.event.findMany({ orderBy: { id: 'asc' } }),
  notifications: await testDb.db.notification.findMany({ orderBy: { id: 'asc' } }),
  notes: await testDb.db.note.findMany({ where: { taskId }, orderBy: { id: 'asc' } }),
});

async function buildAssignedTask() {
  const creator = await buildUser(testDb.db, { role: 'SUPERVISOR' });
  const assignee = await buildUser(testDb.db);
  const task = await testDb.db.task.create({
    data: { title: 'Call the seller', type: 'FOLLOW_UP', priority: 'MEDIUM', status: 'ASSIGNED', dueAt: new Date(Date.now() + 3_600_000), assigneeId: assignee.id, createdById: creator.id },
  });
  return { task, creator, assignee };
}

describe('task activities run twice with the same change key leave the same rows as once', () => {
  it('applyTaskTransition (a completion, its event and the creator told)', async () => {
    const { task, assignee } = await buildAssignedTask();
    const { applyTaskTransition } = createTaskActivities({ db: testDb.db });
    const input = { taskId: task.id, action: 'complete', to: 'COMPLETED', actorId: assignee.id, changeKey: 'run-1:u1', at: new Date().toISOString() } as const;

    const first = await applyTaskTransition(input);
    const once = await rows(task.id);
    expect(await applyTaskTransition(input)).toEqual(first);
    expect(await rows(task.id)).toEqual(once);
    expect(once.task.status).toBe('COMPLETED');
    expect(once.notifications.filter((notification) => notification.kind === 'TASK_COMPLETED')).toHaveLength(1);
  });

  it('reassignTask (the new assignee told once)', async () => {
    const { task, creator } = await buildAssignedTask();
    const other = await buildUser(testDb.db);
    const { reassignTask } = createTaskActivities({ db: testDb.db });
    const input = { taskId: task.id, assigneeId: other.id, actorId: creator.id, changeKey: 'run-1:u1' };

    const first = await reassignTask(input);
    const once = await rows(task.id);
    expect(await reassignTask(input)).toEqual(first);
    expect(await rows(task.id)).toEqual(once);
    expect(once.task.assigneeId).toBe(other.id);
  });

  it('addTaskNote (one note, the same id back)', async () => {
    const { task, assignee } = await buildAssignedTask();
    const { addTaskNote } = createTaskActivities({ db: testDb.db });
    const input = { taskId: task.id, body: 'Left a voicemail', actorId: assignee.id, changeKey: 'run-1:u1' };

    const first = await addTaskNote(input);
    const once = await rows(task.id);
    expect(await addTaskNote(input)).toEqual(first);
    expect(await rows(task.id)).toEqual(once);
    expect(once.notes).toHaveLength(1);
  });
});
