import { allowedTaskActions, checkTaskAction, type TaskActor, type TaskForAction } from '../../domain/tasks/task-actions';
import { checkTaskEdit } from '../../domain/tasks/task-edits';

const task = (overrides: Partial<TaskForAction> = {}): TaskForAction => ({ status: 'ASSIGNED', assigneeId: 'agent', createdById: 'creator', requiresReview: false, ...overrides });
const assignee: TaskActor = { id: 'agent', role: 'AGENT' };
const stranger: TaskActor = { id: 'someone', role: 'AGENT' };
const supervisor: TaskActor = { id: 'sup', role: 'SUPERVISOR' };
const admin: TaskActor = { id: 'adm', role: 'ADMIN' };

describe('checkTaskAction', () => {
  it.each([
    ['start', task(), assignee, { ok: true, to: 'IN_PROGRESS' }],
    ['complete', task({ status: 'IN_PROGRESS' }), assignee, { ok: true, to: 'COMPLETED' }],
    ['submit', task({ status: 'IN_PROGRESS', requiresReview: true }), assignee, { ok: true, to: 'PENDING_REVIEW' }],
    ['approve', task({ status: 'PENDING_REVIEW', requiresReview: true }), supervisor, { ok: true, to: 'COMPLETED' }],
    ['cancel', task({ status: 'PENDING_REVIEW' }), { id: 'creator', role: 'AGENT' }, { ok: true, to: 'CANCELLED' }],
    ['start', task(), admin, { ok: true, to: 'IN_PROGRESS' }],
  ] as const)('%s on %o by %o → %o', (action, subject, actor, expected) => {
    expect(checkTaskAction(subject, action, actor)).toEqual(expected);
  });

  it.each([
    ['start', task(), stranger, 'FORBIDDEN', 'only the assignee, a supervisor or an admin can start this task'],
    ['approve', task({ status: 'PENDING_REVIEW' }), assignee, 'FORBIDDEN', 'only a supervisor can approve a task'],
    ['approve', task({ status: 'PENDING_REVIEW' }), admin, 'FORBIDDEN', 'only a supervisor can approve a task'],
    ['reject', task({ status: 'IN_PROGRESS' }), supervisor, 'CONFLICT', 'cannot reject a task that is in progress'],
    ['complete', task({ requiresReview: true, status: 'IN_PROGRESS' }), supervisor, 'CONFLICT', 'this task requires review: submit it for a supervisor to approve'],
    ['submit', task({ status: 'IN_PROGRESS' }), assignee, 'CONFLICT', 'this task does not require review: complete it instead'],
    ['cancel', task({ status: 'COMPLETED' }), supervisor, 'CONFLICT', 'cannot cancel a task that is completed'],
    ['cancel', task(), stranger, 'FORBIDDEN', 'only the assignee, the creator, a supervisor or an admin can cancel this task'],
  ] as const)('refuses %s on %o by %o (%s)', (action, subject, actor, code, reason) => {
    expect(checkTaskAction(subject, action, actor)).toEqual({ ok: false, code, reason });
  });

  it('needs a reason to reject, which sends the task back to IN_PROGRESS', () => {
    const pending = task({ status: 'PENDING_REVIEW', requiresReview: true });
    expect(checkTaskAction(pending, 'reject', supervisor, '  ')).toEqual({ ok: false, code: 'CONFLICT', reason: 'a rejection needs a reason' });
    expect(checkTaskAction(pending, 'reject', supervisor, 'Wrong buyer')).toEqual({ ok: true, to: 'IN_PROGRESS' });
  });

  it('lists only the actions this user may take now', () => {
    expect(allowedTaskActions(task({ requiresReview: true }), assignee)).toEqual(['start', 'submit', 'cancel']);
    expect(allowedTaskActions(task({ status: 'PENDING_REVIEW', requiresReview: true }), assignee)).toEqual(['cancel']);
    expect(allowedTaskActions(task({ status: 'PENDING_REVIEW', requiresReview: true }), supervisor)).toEqual(['approve', 'reject', 'cancel']);
    expect(allowedTaskActions(task({ status: 'COMPLETED' }), admin)).toEqual([]);
    expect(allowedTaskActions(task(), stranger)).toEqual([]);
  });
});

describe('checkTaskEdit', () => {
  it('lets managers and the assignee reassign; the creator may reschedule but not take the task away', () => {
    expect(checkTaskEdit(task(), 'reassign', supervisor)).toEqual({ ok: true });
    expect(checkTaskEdit(task(), 'reassign', assignee)).toEqual({ ok: true });
    expect(checkTaskEdit(task(), 'reassign', { id: 'creator', role: 'AGENT' })).toEqual({ ok: false, code: 'FORBIDDEN', reason: 'only the assignee, a supervisor or an admin can reassign this task' });
    expect(checkTaskEdit(task(), 'reschedule', { id: 'creator', role: 'AGENT' })).toEqual({ ok: true });
    expect(checkTaskEdit(task({ status: 'CANCELLED' }), 'reprioritise', admin)).toEqual({ ok: false, code: 'CONFLICT', reason: 'cannot change a task that is cancelled' });
  });
});
