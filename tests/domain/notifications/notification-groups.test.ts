import { groupKeyOf, groupNotifications, leadSubject, type GroupableNotification } from '../../../domain/notifications/notification-groups';

const elm = leadSubject({ id: 'l1', street: '12 Elm St' });
let seq = 0;
const row = (kind: string, title: string, groupKey: string | null, read = false): GroupableNotification => ({
  id: `n${++seq}`,
  kind,
  title,
  readAt: read ? '2026-12-01T08:00:00.000Z' : null,
  groupKey,
  subject: groupKey ? '12 Elm St' : null,
});

describe('groupKeyOf', () => {
  it.each([
    ['TASK_OVERDUE', elm, 'TASK_OVERDUE:lead:l1'],
    ['MENTION', { key: 'buyer:b1', label: 'Cash Co' }, 'MENTION:buyer:b1'],
    ['NEW_LEAD', elm, null],
    ['LEAD_REASSIGNED', elm, null],
    ['TASK_OVERDUE', undefined, null],
  ] as const)('%s about %j groups under %s', (kind, subject, key) => {
    expect(groupKeyOf(kind, subject)).toBe(key);
  });
});

describe('groupNotifications', () => {
  it('folds unread notifications of one kind about one thing into the newest, retitled with the count', () => {
    const key = groupKeyOf('TASK_OVERDUE', elm);
    const rows = [row('TASK_OVERDUE', 'Overdue: call Ann', key), row('NEW_LEAD', 'New lead: Bo', null), row('TASK_OVERDUE', 'Overdue: visit', key), row('TASK_OVERDUE', 'Overdue: photos', key)];
    const groups = groupNotifications(rows, 20);
    expect(groups.map((group) => [group.title, group.count])).toEqual([
      ['3 overdue tasks on 12 Elm St', 3],
      ['New lead: Bo', 1],
    ]);
    expect(groups[0]!.ids).toEqual([rows[0]!.id, rows[2]!.id, rows[3]!.id]);
  });

  it('keeps read and unread apart, and different kinds or things apart', () => {
    const overdue = groupKeyOf('TASK_OVERDUE', elm);
    const assigned = groupKeyOf('TASK_ASSIGNED', elm);
    const other = groupKeyOf('TASK_OVERDUE', leadSubject({ id: 'l2', street: '9 Oak Ave' }));
    const groups = groupNotifications([row('TASK_OVERDUE', 'a', overdue), row('TASK_OVERDUE', 'b', overdue, true), row('TASK_ASSIGNED', 'c', assigned), row('TASK_OVERDUE', 'd', other)], 20);
    expect(groups.map((group) => group.count)).toEqual([1, 1, 1, 1]);
    expect(groups.map((group) => group.title)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('returns at most `limit` rows, still counting later members of the rows it shows', () => {
    const key = groupKeyOf('MENTION', elm);
    const groups = groupNotifications([row('MENTION', 'm1', key), row('NEW_LEAD', 'x', null), row('NEW_LEAD', 'y', null), row('MENTION', 'm2', key)], 2);
    expect(groups.map((group) => [group.title, group.count])).toEqual([
      ['2 mentions on 12 Elm St', 2],
      ['x', 1],
    ]);
  });
});
