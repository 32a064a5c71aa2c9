import { describeEvent, isFeedEvent, itemLink, type EventLine } from '../../web/src/features/dashboard/describe-event';
import { EVENT_NAMES, type EntityType, type EventName } from '../../domain/events/event-name';
import type { LiveEvent } from '../../domain/events/live-event.schema';

const NOW = Date.parse('2025-03-03T15:00:00.000Z');
const IN_AN_HOUR = '2025-03-03T16:00:00.000Z';

/** `name` may be one the server does not send today (a newer server's), hence the casts. */
function buildEvent(name: string, entity: Record<string, unknown> = {}, overrides: Partial<LiveEvent> = {}): LiveEvent {
  const [entityType = '', action = ''] = name.split('.');
  return { id: 1, name: name as EventName, entityType: entityType as EntityType, entityId: 'e1', action, actorId: 'u1', createdAt: new Date(NOW).toISOString(), entity, ...overrides };
}

const task = { title: 'Call Maria', priority: 'HIGH', dueAt: IN_AN_HOUR };

describe('describeEvent', () => {
  it.each<[string, LiveEvent, EventLine]>([
    [
      'a new lead with its place, source and asking price',
      buildEvent('lead.created', { sellerName: 'Maria Lopez', street: '118 Oak St', city: 'Dayton', state: 'OH', zip: '45402', source: 'DIRECT_MAIL', askingPrice: 90000 }),
      { title: 'New lead: Maria Lopez, 118 Oak St, Dayton', detail: 'OH 45402 · Direct mail · asking $90,000', tone: 'lead', workflowId: 'lead-e1' },
    ],
    [
      'a new lead without an asking price',
      buildEvent('lead.created', { sellerName: 'Maria Lopez', street: '118 Oak St', city: 'Dayton', state: 'OH', zip: '45402', source: 'REFERRAL' }),
      { title: 'New lead: Maria Lopez, 118 Oak St, Dayton', detail: 'OH 45402 · Referral', tone: 'lead', workflowId: 'lead-e1' },
    ],
    [
      'a lead moved along the pipeline',
      buildEvent('lead.status_changed', { sellerName: 'Maria Lopez', status: 'UNDER_CONTRACT', previousStatus: 'OFFER_MADE' }),
      { title: 'Lead moved: Maria Lopez → Under contract', detail: 'was Offer made', tone: 'status', workflowId: 'lead-e1' },
    ],
    ['a lead edited', buildEvent('lead.updated', { sellerName: 'Maria Lopez' }), { title: 'Lead edited: Maria Lopez', detail: '', tone: 'muted', workflowId: 'lead-e1' }],
    ['a task created', buildEvent('task.created', task), { title: 'Task created: Call Maria', detail: 'High priority · due in 1 hour', tone: 'task', workflowId: 'task-e1' }],
    ['a task assigned to me', buildEvent('task.assigned', { ...task, assigneeId: 'me' }), { title: 'Task assigned: Call Maria', detail: 'Assigned to you · due in 1 hour', tone: 'task', workflowId: 'task-e1' }],
    ['a task assigned to a teammate', buildEvent('task.assigned', { ...task, assigneeId: 'u2' }), { title: 'Task assigned: Call Maria', detail: 'Assigned to a teammate · due in 1 hour', tone: 'task', workflowId: 'task-e1' }],
    ['a task overdue', buildEvent('task.overdue', task), { title: 'Task overdue: Call Maria', detail: 'High priority · the deadline passed', tone: 'warn', workflowId: 'task-e1' }],
    ['a task cancelled', buildEvent('task.cancelled', task), { title: 'Task cancelled: Call Maria', detail: 'no longer needed', tone: 'muted', workflowId: 'task-e1' }],
    ['a task started', buildEvent('task.started', task), { title: 'Task started: Call Maria', detail: 'High priority', tone: 'task', workflowId: 'task-e1' }],
    ['a task submitted for review', buildEvent('task.submitted', task), { title: 'Review requested: Call Maria', detail: 'waits for a supervisor', tone: 'status', workflowId: 'task-e1' }],
    ['a task approved', buildEvent('task.approved', task), { title: 'Task approved: Call Maria', detail: 'completed', tone: 'deal', workflowId: 'task-e1' }],
    ['a task sent back', buildEvent('task.rejected', { ...task, reason: 'No notes' }), { title: 'Task sent back: Call Maria', detail: 'No notes', tone: 'warn', workflowId: 'task-e1' }],
    ['a task completed', buildEvent('task.completed', task), { title: 'Task completed: Call Maria', detail: 'High priority', tone: 'deal', workflowId: 'task-e1' }],
    ['a task reassigned to me', buildEvent('task.reassigned', { ...task, assigneeId: 'me' }), { title: 'Task reassigned: Call Maria', detail: 'now yours', tone: 'task', workflowId: 'task-e1' }],
    ['a task reassigned to a teammate', buildEvent('task.reassigned', { ...task, assigneeId: 'u2' }), { title: 'Task reassigned: Call Maria', detail: 'to a teammate', tone: 'task', workflowId: 'task-e1' }],
    ['a task rescheduled', buildEvent('task.rescheduled', task), { title: 'Task rescheduled: Call Maria', detail: 'due in 1 hour', tone: 'muted', workflowId: 'task-e1' }],
    ['a task without a due date rescheduled', buildEvent('task.rescheduled', { title: 'Call Maria' }), { title: 'Task rescheduled: Call Maria', detail: '', tone: 'muted', workflowId: 'task-e1' }],
    ['a task reprioritised', buildEvent('task.priority_changed', { ...task, priority: 'LOW' }), { title: 'Task reprioritised: Call Maria', detail: 'Low priority', tone: 'muted', workflowId: 'task-e1' }],
    ['a note on a task', buildEvent('task.note_added', task), { title: 'Note on task: Call Maria', detail: '', tone: 'muted', workflowId: 'task-e1' }],
    ['a note, cut to 120 characters', buildEvent('note.created', { authorName: 'Sam', body: 'x'.repeat(130) }), { title: 'Note by Sam', detail: 'x'.repeat(120), tone: 'muted' }],
    ['a new cash buyer', buildEvent('buyer.created', { name: 'Dana Investor', cashBuyer: true }), { title: 'New buyer: Dana Investor', detail: 'cash buyer', tone: 'lead', workflowId: 'buyer-e1' }],
    ['a new financed buyer', buildEvent('buyer.created', { name: 'Dana Investor', cashBuyer: false }), { title: 'New buyer: Dana Investor', detail: '', tone: 'lead', workflowId: 'buyer-e1' }],
    ['a buyer updated', buildEvent('buyer.updated', { name: 'Dana Investor' }), { title: 'Buyer updated: Dana Investor', detail: 'contact details or buy box', tone: 'muted', workflowId: 'buyer-e1' }],
    ['a buyer marked inactive', buildEvent('buyer.status_changed', { name: 'Dana Investor', status: 'INACTIVE' }), { title: 'Buyer Dana Investor → Inactive', detail: '', tone: 'status', workflowId: 'buyer-e1' }],
    ['an offer drafted', buildEvent('offer.created', { amount: 85000, kind: 'PURCHASE' }), { title: 'Offer drafted: $85,000', detail: 'Purchase', tone: 'deal', workflowId: 'offer-e1' }],
    [
      'an offer accepted',
      buildEvent('offer.status_changed', { amount: 85000, status: 'ACCEPTED', previousStatus: 'SENT' }),
      { title: 'Offer accepted: $85,000', detail: 'was Sent', tone: 'deal', workflowId: 'offer-e1' },
    ],
    ['a deal closed on a lead', buildEvent('deal.closed', { assignmentFee: 12000, leadId: 'l7' }), { title: 'Deal closed', detail: 'assignment fee $12,000', tone: 'deal', workflowId: 'lead-l7' }],
    ['a deal closed without its lead', buildEvent('deal.closed', {}), { title: 'Deal closed', detail: '', tone: 'deal', workflowId: undefined }],
    ['a notification', buildEvent('notification.created', { title: 'Task assigned', body: 'High priority: Call Maria' }), { title: 'Task assigned', detail: 'High priority: Call Maria', tone: 'task' }],
    ['a buyer named on a deal', buildEvent('deal.buyer_recorded', { assignmentFee: 9000, leadId: 'l7' }), { title: 'Buyer named on a deal', detail: 'assignment fee $9,000', tone: 'deal', workflowId: 'lead-l7' }],
    ['a buyer taken off a deal', buildEvent('deal.buyer_cleared', { buyerId: null, leadId: 'l7' }), { title: 'Buyer taken off a deal', detail: '', tone: 'deal', workflowId: 'lead-l7' }],
    ['a settings change', buildEvent('setting.updated'), { title: 'Settings changed', detail: 'deadlines, rules or alerts', tone: 'muted' }],
    ['an offer edited, from the label table', buildEvent('offer.updated', { amount: 5 }), { title: 'Offer edited', detail: '', tone: 'muted' }],
    ['an event a newer server sends, without its raw name', buildEvent('document.uploaded', { name: 'contract.pdf' }), { title: 'Something changed', detail: '', tone: 'muted' }],
  ])('%s', (_case, event, line) => {
    expect(describeEvent(event, { meId: 'me', now: NOW })).toEqual(line);
  });
});

describe('describeEvent wording', () => {
  const entity = { title: 'Call Maria', sellerName: 'Maria Lopez', name: 'Gem City', status: 'OFFER_MADE', previousStatus: 'UNDER_CONTRACT', kind: 'PROOF_OF_FUNDS', priority: 'HIGH', source: 'DRIVING_FOR_DOLLARS', amount: 5 };
  it.each(EVENT_NAMES.filter((name) => !name.startsWith('notification.')))('%s reads as words, with no event name or enum value', (name) => {
    const line = describeEvent(buildEvent(name, entity), { meId: 'me', now: NOW });
    expect(`${line.title} ${line.detail}`).not.toMatch(/[a-z]\.[a-z]|_|\b[A-Z]{2,}\b/);
  });
});

describe('itemLink', () => {
  it.each<[string, LiveEvent, string | undefined]>([
    ['a lead links to itself', buildEvent('lead.updated'), '/leads/e1'],
    ['a task links to itself', buildEvent('task.completed'), '/tasks/e1'],
    ['a buyer links to itself', buildEvent('buyer.updated'), '/buyers/e1'],
    ['an offer links to its lead', buildEvent('offer.created', { leadId: 'l7', buyerId: 'b2' }), '/leads/l7'],
    ['a note on a buyer links to the buyer', buildEvent('note.created', { buyerId: 'b2' }), '/buyers/b2'],
    ['a document on a task links to the task', buildEvent('document.uploaded', { taskId: 't3' }), '/tasks/t3'],
    ['a settings change links to Settings', buildEvent('setting.updated'), '/settings'],
    ['a note on nothing links nowhere', buildEvent('note.created'), undefined],
    ['ids are escaped', buildEvent('lead.updated', {}, { entityId: 'a/b' }), '/leads/a%2Fb'],
  ])('%s', (_case, event, link) => {
    expect(itemLink(event)).toBe(link);
  });
});

describe('isFeedEvent', () => {
  it.each([
    ['lead.created', true],
    ['task.assigned', true],
    ['notification.created', false],
    ['session.revoked', false],
  ])('%s: %s', (name, inFeed) => {
    expect(isFeedEvent(buildEvent(name))).toBe(inFeed);
  });
});
