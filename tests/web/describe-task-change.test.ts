import { describeTaskChange, type TaskSnapshot } from '../../web/src/features/tasks/describe-task-change';

jest.setTimeout(180_000);

const before: TaskSnapshot = { status: 'PENDING_REVIEW', assigneeId: 'u1', dueAt: '2026-12-01T15:00:00.000Z', priority: 'MEDIUM' };
const names: Record<string, string> = { u1: 'Avery Agent', u2: 'Olive Other' };
const nameOf = (id: string | null) => (id ? (names[id] ?? 'someone') : 'nobody');
const change = (by: string | null, action: string, reason: string | null = null) => ({ by, action, reason, at: '2026-12-01T14:00:00.000Z' });

describe('describeTaskChange', () => {
  it('names who rejected the task and why, as a warning', () => {
    expect(describeTaskChange(before, { ...before, status: 'IN_PROGRESS', lastChange: change('Sam Supervisor', 'rejected', 'photos missing') }, nameOf)).toEqual({
      text: 'Sam Supervisor rejected this: photos missing.',
      tone: 'warning',
    });
  });

  it('names who approved it, as information', () => {
    expect(describeTaskChange(before, { ...before, status: 'COMPLETED', lastChange: change('Sam Supervisor', 'approved') }, nameOf)).toEqual({
      text: 'Sam Supervisor approved this task: status is now Completed.',
      tone: 'info',
    });
  });

  it('says automation when no person made the change, and lists every field that moved', () => {
    const after = { ...before, assigneeId: 'u2', priority: 'HIGH' as const, lastChange: change(null, 'reassigned') };
    expect(describeTaskChange(before, after, nameOf)).toEqual({ text: 'Automation changed this task: reassigned to Olive Other; priority changed to High.', tone: 'info' });
  });
});
