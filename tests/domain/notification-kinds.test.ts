import {
  NOTIFICATION_KINDS,
  NOTIFICATION_PRIORITIES,
  NOTIFICATION_RULES,
  notificationFor,
  renderNotificationText,
  type NotificationContent,
  type NotificationFacts,
  type NotificationKind,
} from '../../domain/notifications/notification-kinds';

type Row = { [K in NotificationKind]: [K, NotificationFacts[K], Omit<NotificationContent, 'kind'>] }[NotificationKind];

const longNote = `@Sam ${'x'.repeat(200)}`;

/** What users read today, word for word: the API, browser and workflow tests look for these texts. */
const ROWS: Row[] = [
  [
    'NEW_LEAD',
    { sellerName: 'Ann Lee', street: '1 Main St', city: 'Dayton', source: 'DRIVING_FOR_DOLLARS', assignedBy: 'Ada Admin' },
    { priority: 'HIGH', title: 'New lead: Ann Lee', body: '1 Main St, Dayton (Driving for dollars), assigned to you by Ada Admin.' },
  ],
  [
    'LEAD_CONTACT_OVERDUE',
    { sellerName: 'Ann Lee', street: '1 Main St', city: 'Dayton' },
    { priority: 'NORMAL', title: 'Lead not contacted: Ann Lee', body: 'Ann Lee (1 Main St, Dayton) was not contacted within the deadline.' },
  ],
  [
    'LEAD_REASSIGNED',
    { sellerName: 'Ann Lee', street: '1 Main St', from: 'Al Agent', to: 'Bea Agent', by: 'Sue Supervisor', movedTasks: 2 },
    { priority: 'NORMAL', title: 'Lead reassigned: Ann Lee', body: '1 Main St moved from Al Agent to Bea Agent with 2 open tasks, by Sue Supervisor.' },
  ],
  [
    'LEAD_REASSIGNED',
    { sellerName: 'Ann Lee', street: '1 Main St', from: 'Al Agent', to: 'Bea Agent', by: 'Sue Supervisor', movedTasks: 0 },
    { priority: 'NORMAL', title: 'Lead reassigned: Ann Lee', body: '1 Main St moved from Al Agent to Bea Agent, by Sue Supervisor.' },
  ],
  [
    'TASK_ASSIGNED',
    { title: 'Contact lead within 1 hour', priority: 'HIGH', lead: { sellerName: 'Ann Lee', street: '1 Main St' }, buyer: null },
    { priority: 'HIGH', title: 'New task: Contact lead within 1 hour', body: 'High priority, assigned to you. Ann Lee, 1 Main St.' },
  ],
  [
    'TASK_ASSIGNED',
    { title: 'Verify proof of funds: Bo Buys', priority: 'MEDIUM', lead: null, buyer: { name: 'Bo Buys' } },
    { priority: 'NORMAL', title: 'New task: Verify proof of funds: Bo Buys', body: 'Medium priority, assigned to you. Buyer: Bo Buys.' },
  ],
  ['TASK_ASSIGNED', { title: 'File taxes', priority: 'LOW', lead: null, buyer: null }, { priority: 'NORMAL', title: 'New task: File taxes', body: 'Low priority, assigned to you.' }],
  ['REVIEW_REQUESTED', { title: 'Call back' }, { priority: 'NORMAL', title: 'Review requested: Call back', body: 'A task waits for your approval in the review queue.' }],
  ['TASK_APPROVED', { title: 'Call back' }, { priority: 'NORMAL', title: 'Approved: Call back', body: 'Your task was approved and is complete.' }],
  ['TASK_REJECTED', { title: 'Call back', reason: 'no notes' }, { priority: 'NORMAL', title: 'Rejected: Call back', body: 'Back in progress: no notes.' }],
  ['TASK_REJECTED', { title: 'Call back' }, { priority: 'NORMAL', title: 'Rejected: Call back', body: 'Back in progress.' }],
  ['TASK_COMPLETED', { title: 'Call back' }, { priority: 'NORMAL', title: 'Completed: Call back', body: 'A task you created is done.' }],
  ['TASK_CANCELLED', { title: 'Call back', reason: 'sold' }, { priority: 'NORMAL', title: 'Cancelled: Call back', body: 'Reason: sold.' }],
  ['TASK_CANCELLED', { title: 'Call back' }, { priority: 'NORMAL', title: 'Cancelled: Call back', body: 'This task no longer needs doing.' }],
  ['TASK_OVERDUE', { title: 'Call back', dueAt: '2026-11-24T15:30:00.000Z' }, { priority: 'NORMAL', title: 'Overdue: Call back', body: 'This task was due {time:2026-11-24T15:30:00.000Z}.' }],
  // One "Overdue" however the task's own title starts.
  [
    'TASK_OVERDUE',
    { title: 'Overdue: contact Robert King', dueAt: '2026-11-30T16:30:48.500Z' },
    { priority: 'NORMAL', title: 'Overdue: contact Robert King', body: 'This task was due {time:2026-11-30T16:30:48.500Z}.' },
  ],
  [
    'TASK_OVERDUE',
    { title: 'Overdue follow-up for Send the contract', dueAt: '2026-11-30T16:30:48.500Z' },
    { priority: 'NORMAL', title: 'Overdue: follow-up for Send the contract', body: 'This task was due {time:2026-11-30T16:30:48.500Z}.' },
  ],
  // Every task notification names what the task is about, as a new-task notification does.
  [
    'REVIEW_REQUESTED',
    { title: 'Draft the contract', lead: { sellerName: 'Ann Lee', street: '1 Main St' } },
    { priority: 'NORMAL', title: 'Review requested: Draft the contract', body: 'A task waits for your approval in the review queue. Ann Lee, 1 Main St.' },
  ],
  [
    'TASK_APPROVED',
    { title: 'Verify proof of funds: Bo Buys', lead: null, buyer: { name: 'Bo Buys' } },
    { priority: 'NORMAL', title: 'Approved: Verify proof of funds: Bo Buys', body: 'Your task was approved and is complete. Buyer: Bo Buys.' },
  ],
  [
    'TASK_REJECTED',
    { title: 'Photograph the kitchen', reason: 'photos missing', lead: { sellerName: 'Ann Lee', street: '1 Main St' } },
    { priority: 'NORMAL', title: 'Rejected: Photograph the kitchen', body: 'Back in progress: photos missing. Ann Lee, 1 Main St.' },
  ],
  [
    'TASK_COMPLETED',
    { title: 'Follow up on offer status', lead: { sellerName: 'Ann Lee', street: '1 Main St' }, offer: { amount: 82_000, buyerName: 'Bo Buys' } },
    { priority: 'NORMAL', title: 'Completed: Follow up on offer status', body: 'A task you created is done. Ann Lee, 1 Main St; offer of $82,000 to Bo Buys.' },
  ],
  [
    'TASK_CANCELLED',
    { title: 'Call back', reason: 'sold!', buyer: { name: 'Bo Buys' } },
    { priority: 'NORMAL', title: 'Cancelled: Call back', body: 'Reason: sold! Buyer: Bo Buys.' },
  ],
  [
    'TASK_OVERDUE',
    { title: 'Contact lead within 1 hour', dueAt: '2026-11-24T15:30:00.000Z', lead: { sellerName: 'Robert King', street: '12 Elm St' }, buyer: null },
    { priority: 'NORMAL', title: 'Overdue: Contact lead within 1 hour', body: 'This task was due {time:2026-11-24T15:30:00.000Z}. Robert King, 12 Elm St.' },
  ],
  [
    'TASK_OVERDUE',
    { title: 'Chase the offer', dueAt: '2026-11-24T15:30:00.000Z', offer: { amount: 150_000, buyerName: null } },
    { priority: 'NORMAL', title: 'Overdue: Chase the offer', body: 'This task was due {time:2026-11-24T15:30:00.000Z}. Offer of $150,000.' },
  ],
  [
    'OFFER_STATUS',
    { sellerName: 'Ann Lee', offerKind: 'PURCHASE', amount: 120_500, status: 'ACCEPTED' },
    { priority: 'NORMAL', title: 'Offer accepted: Ann Lee', body: 'Your purchase offer of $120,500 is now accepted.' },
  ],
  ['MENTION', { authorName: 'Sam Super', noteBody: '@Ann call them' }, { priority: 'NORMAL', title: 'Sam Super mentioned you', body: '@Ann call them' }],
  ['MENTION', { authorName: 'Sam Super', noteBody: longNote }, { priority: 'NORMAL', title: 'Sam Super mentioned you', body: `${longNote.slice(0, 139)}…` }],
];

describe('notificationFor', () => {
  it.each(ROWS)('%s reads as users see it today (row %#)', (kind, facts, expected) => {
    expect(notificationFor(kind, facts as never)).toEqual({ kind, ...expected });
  });

  it.each(NOTIFICATION_KINDS)('%s has a priority and wording, and a row in this table', (kind) => {
    const rule = NOTIFICATION_RULES[kind];
    expect([rule.priority, rule.title, rule.body].every((part) => typeof part === 'function')).toBe(true);
    const rows = ROWS.filter(([rowKind]) => rowKind === kind);
    expect(rows.length).toBeGreaterThan(0);
    for (const [, , expected] of rows) {
      expect(NOTIFICATION_PRIORITIES).toContain(expected.priority);
      expect(expected.title).not.toBe('');
    }
  });

  it.each(ROWS)('%s never repeats a prefix nor shows a server-formatted UTC time (row %#)', (kind, facts, _expected) => {
    const { title, body } = notificationFor(kind, facts as never);
    expect(title).not.toMatch(/overdue\b.*\boverdue\b/i);
    expect(`${title} ${body}`).not.toMatch(/\bUTC\b|\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  it.each([
    ['PPC', 'Pay-per-click'],
    ['SEO', 'Search (SEO)'],
    ['LIST_IMPORT', 'List import'],
  ] as const)('a new lead from %s names its source as the app does: %s', (source, label) => {
    const { body } = notificationFor('NEW_LEAD', { sellerName: 'Ann Lee', street: '1 Main St', city: 'Dayton', source, assignedBy: 'Ada Admin' });
    expect(body).toBe(`1 Main St, Dayton (${label}), assigned to you by Ada Admin.`);
  });

  it('only a new lead and the assignment of a HIGH priority task are HIGH (they raise desktop alerts)', () => {
    const high = ROWS.filter(([, , expected]) => expected.priority === 'HIGH').map(([kind, facts]) => (kind === 'TASK_ASSIGNED' ? `${kind}:${facts.priority}` : kind));
    expect(high.sort()).toEqual(['NEW_LEAD', 'TASK_ASSIGNED:HIGH']);
  });
});

describe('renderNotificationText', () => {
  it.each([
    ['This task was due {time:2026-11-24T15:30:00.000Z}.', 'This task was due <2026-11-24T15:30:00.000Z>.'],
    ['From {time:2026-11-24T15:30:00.000Z} to {time:2026-11-24T16:00:00.000Z}', 'From <2026-11-24T15:30:00.000Z> to <2026-11-24T16:00:00.000Z>'],
    ['No time here.', 'No time here.'],
  ])('%s', (text, expected) => {
    expect(renderNotificationText(text, (iso) => `<${iso}>`)).toBe(expected);
  });
});
