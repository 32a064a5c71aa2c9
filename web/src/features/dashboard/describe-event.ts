import type { LiveEvent } from '../../../../domain/events/live-event.schema';
import { EVENT_LABELS } from '../../../../domain/labels/event-labels';
import { buyerWorkflowId, leadWorkflowId, offerWorkflowId, taskWorkflowId } from '../../../../domain/workflow-ids';
import { money, optionLabel, timeAgo } from '../../lib/format';

export type EventTone = 'lead' | 'task' | 'warn' | 'status' | 'deal' | 'muted';

export interface EventLine {
  title: string;
  detail: string;
  tone: EventTone;
  /** Workflow id of the lead or task the event is about (links to the Temporal Web UI). */
  workflowId?: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const joined = (...parts: string[]): string => parts.filter(Boolean).join(' · ');

function dueText(entity: Record<string, unknown>, now: number): string {
  const dueAt = text(entity.dueAt);
  return dueAt ? `due ${timeAgo(dueAt, now)}` : '';
}

/** One line of the activity feed, in words a wholesaler reads at a glance. */
export function describeEvent(event: LiveEvent, context: { meId?: string; now: number }): EventLine {
  const { entity } = event;
  const priority = text(entity.priority) && `${optionLabel(text(entity.priority))} priority`;
  const taskWorkflow = taskWorkflowId(event.entityId);
  switch (event.name) {
    case 'lead.created': {
      const price = typeof entity.askingPrice === 'number' ? `asking ${money(entity.askingPrice)}` : '';
      return {
        title: `New lead: ${text(entity.sellerName)}, ${text(entity.street)}, ${text(entity.city)}`,
        detail: joined(`${text(entity.state)} ${text(entity.zip)}`.trim(), text(entity.source) && optionLabel(text(entity.source)), price),
        tone: 'lead',
        workflowId: leadWorkflowId(event.entityId),
      };
    }
    case 'lead.imported':
      return {
        title: `Imported from ${text(entity.fileName)}: ${text(entity.sellerName)}, ${text(entity.street)}, ${text(entity.city)}`,
        detail: joined(`${text(entity.state)} ${text(entity.zip)}`.trim(), 'List import'),
        tone: 'lead',
        workflowId: leadWorkflowId(event.entityId),
      };
    case 'lead.status_changed':
      return {
        title: `Lead moved: ${text(entity.sellerName)} → ${optionLabel(text(entity.status))}`,
        detail: text(entity.previousStatus) && `was ${optionLabel(text(entity.previousStatus))}`,
        tone: 'status',
        workflowId: leadWorkflowId(event.entityId),
      };
    case 'task.created':
      return { title: `Task created: ${text(entity.title)}`, detail: joined(priority, dueText(entity, context.now)), tone: 'task', workflowId: taskWorkflow };
    case 'task.assigned': {
      const assignee = entity.assigneeId && entity.assigneeId === context.meId ? 'Assigned to you' : 'Assigned to a teammate';
      return { title: `Task assigned: ${text(entity.title)}`, detail: joined(assignee, dueText(entity, context.now)), tone: 'task', workflowId: taskWorkflow };
    }
    case 'task.overdue':
      return { title: `Task overdue: ${text(entity.title)}`, detail: joined(priority, 'the deadline passed'), tone: 'warn', workflowId: taskWorkflow };
    case 'task.cancelled':
      return { title: `Task cancelled: ${text(entity.title)}`, detail: 'no longer needed', tone: 'muted', workflowId: taskWorkflow };
    case 'task.started':
      return { title: `Task started: ${text(entity.title)}`, detail: priority, tone: 'task', workflowId: taskWorkflow };
    case 'task.submitted':
      return { title: `Review requested: ${text(entity.title)}`, detail: 'waits for a supervisor', tone: 'status', workflowId: taskWorkflow };
    case 'task.approved':
      return { title: `Task approved: ${text(entity.title)}`, detail: 'completed', tone: 'deal', workflowId: taskWorkflow };
    case 'task.rejected':
      return { title: `Task sent back: ${text(entity.title)}`, detail: text(entity.reason), tone: 'warn', workflowId: taskWorkflow };
    case 'task.completed':
      return { title: `Task completed: ${text(entity.title)}`, detail: priority, tone: 'deal', workflowId: taskWorkflow };
    case 'task.reassigned': {
      const assignee = entity.assigneeId && entity.assigneeId === context.meId ? 'now yours' : 'to a teammate';
      return { title: `Task reassigned: ${text(entity.title)}`, detail: assignee, tone: 'task', workflowId: taskWorkflow };
    }
    case 'task.rescheduled':
      return { title: `Task rescheduled: ${text(entity.title)}`, detail: dueText(entity, context.now), tone: 'muted', workflowId: taskWorkflow };
    case 'task.priority_changed':
      return { title: `Task reprioritised: ${text(entity.title)}`, detail: priority, tone: 'muted', workflowId: taskWorkflow };
    case 'task.note_added':
      return { title: `Note on task: ${text(entity.title)}`, detail: '', tone: 'muted', workflowId: taskWorkflow };
    case 'lead.updated':
      return { title: `Lead edited: ${text(entity.sellerName)}`, detail: '', tone: 'muted', workflowId: leadWorkflowId(event.entityId) };
    case 'buyer.updated':
      return { title: `Buyer updated: ${text(entity.name)}`, detail: 'contact details or buy box', tone: 'muted', workflowId: buyerWorkflowId(event.entityId) };
    case 'note.created':
      return { title: `Note by ${text(entity.authorName)}`, detail: text(entity.body).slice(0, 120), tone: 'muted' };
    case 'buyer.created':
      return { title: `New buyer: ${text(entity.name)}`, detail: entity.cashBuyer === true ? 'cash buyer' : '', tone: 'lead', workflowId: buyerWorkflowId(event.entityId) };
    case 'buyer.status_changed':
      return { title: `Buyer ${text(entity.name)} → ${optionLabel(text(entity.status))}`, detail: '', tone: 'status', workflowId: buyerWorkflowId(event.entityId) };
    case 'buyer.matches_sent': {
      const count = Array.isArray(entity.leadIds) ? entity.leadIds.length : 0;
      return { title: `Matching properties e-mailed to ${text(entity.name)}`, detail: joined(`${count} ${count === 1 ? 'property' : 'properties'}`, text(entity.sentByName) && `by ${text(entity.sentByName)}`), tone: 'deal', workflowId: buyerWorkflowId(event.entityId) };
    }
    case 'lead.call_logged': {
      const call = (entity.call ?? {}) as Record<string, unknown>;
      return {
        title: `Call: ${optionLabel(text(call.outcome))}`,
        detail: joined(text(entity.sellerName), text(entity.callerName) && `by ${text(entity.callerName)}`, text(call.note).slice(0, 120)),
        tone: call.outcome === 'TALKED' ? 'status' : 'muted',
        workflowId: leadWorkflowId(event.entityId),
      };
    }
    case 'lead.merged':
    case 'buyer.merged': {
      const moved = (entity.moved ?? {}) as Record<string, unknown>;
      const counts = (['tasks', 'offers', 'notes', 'documents', 'calls'] as const)
        .filter((key) => typeof moved[key] === 'number' && moved[key] > 0)
        .map((key) => `${String(moved[key])} ${key}`);
      return {
        title: `Merged from ${text(entity.sourceName)}`,
        detail: joined(counts.length > 0 ? `took ${counts.join(', ')}` : 'nothing else to move', Array.isArray(entity.filled) && entity.filled.length > 0 ? `filled ${entity.filled.length} empty field${entity.filled.length === 1 ? '' : 's'}` : ''),
        tone: 'status',
        workflowId: event.name === 'lead.merged' ? leadWorkflowId(event.entityId) : buyerWorkflowId(event.entityId),
      };
    }
    case 'lead.merged_into':
    case 'buyer.merged_into':
      return { title: `Merged into ${text(entity.survivorName)}`, detail: 'archived; its work moved there', tone: 'muted' };
    case 'lead.sent_to_buyer':
      return { title: `Lead e-mailed to buyer ${text(entity.buyerName)}`, detail: joined(text(entity.street), text(entity.city)), tone: 'deal', workflowId: leadWorkflowId(event.entityId) };
    case 'offer.created':
      return { title: `Offer drafted: ${money(Number(entity.amount))}`, detail: optionLabel(text(entity.kind)), tone: 'deal', workflowId: offerWorkflowId(event.entityId) };
    case 'offer.status_changed':
      return { title: `Offer ${optionLabel(text(entity.status)).toLowerCase()}: ${money(Number(entity.amount))}`, detail: text(entity.previousStatus) && `was ${optionLabel(text(entity.previousStatus))}`, tone: 'deal', workflowId: offerWorkflowId(event.entityId) };
    case 'deal.closed':
      return {
        title: 'Deal closed',
        detail: typeof entity.assignmentFee === 'number' ? `assignment fee ${money(entity.assignmentFee)}` : '',
        tone: 'deal',
        workflowId: text(entity.leadId) ? leadWorkflowId(text(entity.leadId)) : undefined,
      };
    case 'deal.buyer_cleared':
      return { title: EVENT_LABELS['deal.buyer_cleared'], detail: '', tone: 'deal', workflowId: text(entity.leadId) ? leadWorkflowId(text(entity.leadId)) : undefined };
    case 'deal.buyer_recorded':
      return {
        title: EVENT_LABELS['deal.buyer_recorded'],
        detail: typeof entity.assignmentFee === 'number' ? `assignment fee ${money(entity.assignmentFee)}` : '',
        tone: 'deal',
        workflowId: text(entity.leadId) ? leadWorkflowId(text(entity.leadId)) : undefined,
      };
    case 'setting.updated':
      return { title: 'Settings changed', detail: 'deadlines, rules or alerts', tone: 'muted' };
    case 'document.created':
      return { title: `Document added: ${text(entity.fileName)}`, detail: text(entity.kind) && optionLabel(text(entity.kind)), tone: 'muted' };
    case 'notification.created':
      return { title: text(entity.title), detail: text(entity.body), tone: 'task' };
    default:
      // A change the feed has no sentence for still reads as words ("Offer edited"), never its event name.
      return { title: EVENT_LABELS[event.name] ?? 'Something changed', detail: '', tone: 'muted' };
  }
}

const PAGES: Partial<Record<string, string>> = { lead: '/leads', task: '/tasks', buyer: '/buyers' };

/**
 * The page of the item an event is about: the lead, task or buyer itself; for an offer, deal,
 * note or document, the lead, buyer or task it belongs to; for a settings change, Settings.
 */
export function itemLink(event: LiveEvent): string | undefined {
  const own = PAGES[event.entityType];
  if (own) return `${own}/${encodeURIComponent(event.entityId)}`;
  if (event.entityType === 'setting') return '/settings';
  for (const [key, page] of [['leadId', '/leads'], ['buyerId', '/buyers'], ['taskId', '/tasks']] as const) {
    const id = text(event.entity[key]);
    if (id) return `${page}/${encodeURIComponent(id)}`;
  }
  return undefined;
}

/** Notifications are personal copies of the changes already in the feed; the bell shows them. */
// An import's progress ticks (once a second while it runs) are not activity: the Imports page shows them.
export const isFeedEvent = (event: LiveEvent): boolean => event.entityType !== 'notification' && event.entityType !== 'session' && event.entityType !== 'import';
