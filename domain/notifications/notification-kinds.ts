import { LEAD_SOURCE_LABELS } from '../labels/lead-labels';
import type { LeadSource } from '../leads/lead.schema';
import { OFFER_STATUS_LABELS } from '../labels/offer-labels';
import type { OfferStatus } from '../offers/offer.schema';
import type { TaskPriority } from '../tasks/task.schema';
import { withoutOverduePrefix } from '../tasks/task-automation';
import { dollars } from '../labels/dollars';

export const NOTIFICATION_KINDS = [
  'NEW_LEAD',
  'LEAD_CONTACT_OVERDUE',
  'LEAD_REASSIGNED',
  'TASK_ASSIGNED',
  'REVIEW_REQUESTED',
  'TASK_APPROVED',
  'TASK_REJECTED',
  'TASK_COMPLETED',
  'TASK_CANCELLED',
  'TASK_OVERDUE',
  'OFFER_STATUS',
  'MENTION',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** HIGH notifications also raise a desktop alert for users who enabled them. */
export const NOTIFICATION_PRIORITIES = ['HIGH', 'NORMAL'] as const;
export type NotificationPriority = (typeof NOTIFICATION_PRIORITIES)[number];

/**
 * What a task is about, named in each of its notifications: its lead's seller and street (the
 * lead directly or through its offer), else its buyer; an offer task also says the offer.
 */
export interface TaskAbout {
  lead?: { sellerName: string; street: string } | null;
  buyer?: { name: string } | null;
  offer?: { amount: number; buyerName: string | null } | null;
}

/** What each kind's wording (and, for an assignment, its priority) is made of. */
export interface NotificationFacts {
  NEW_LEAD: { sellerName: string; street: string; city: string; source: LeadSource; assignedBy: string };
  LEAD_CONTACT_OVERDUE: { sellerName: string; street: string; city: string };
  /** Sent to the lead's previous and new owner alike; `movedTasks`: its open tasks that moved with it. */
  LEAD_REASSIGNED: { sellerName: string; street: string; from: string; to: string; by: string; movedTasks: number };
  /** `lead` wins over `buyer` when the task concerns both. */
  TASK_ASSIGNED: TaskAbout & { title: string; priority: TaskPriority; lead: { sellerName: string; street: string } | null; buyer: { name: string } | null };
  REVIEW_REQUESTED: TaskAbout & { title: string };
  TASK_APPROVED: TaskAbout & { title: string };
  TASK_REJECTED: TaskAbout & { title: string; reason?: string };
  TASK_COMPLETED: TaskAbout & { title: string };
  TASK_CANCELLED: TaskAbout & { title: string; reason?: string };
  /** `dueAt`: ISO date-time; the body carries it as a time token each reader sees in their own zone. */
  TASK_OVERDUE: TaskAbout & { title: string; dueAt: string };
  OFFER_STATUS: { sellerName: string; offerKind: string; amount: number; status: string };
  MENTION: { authorName: string; noteBody: string };
}

interface KindRule<F> {
  priority: (facts: F) => NotificationPriority;
  title: (facts: F) => string;
  body: (facts: F) => string;
}

const always =
  (priority: NotificationPriority) =>
  (): NotificationPriority =>
    priority;
const capitalized = (word: string): string => `${word.charAt(0)}${word.slice(1).toLowerCase()}`;
/** "Overdue: <what>" said once: `Overdue: contact Ann` stays so, `Overdue follow-up for X` reads `Overdue: follow-up for X`. */
const overdueTitle = (title: string): string =>
  /^\s*overdue\s+follow-up\s+for\s+/i.test(title) ? `Overdue: follow-up for ${withoutOverduePrefix(title)}` : `Overdue: ${withoutOverduePrefix(title)}`;

/**
 * An instant inside a notification's text, written `{time:<ISO>}`: the server does not know the
 * reader's time zone, so the web app replaces each token with the time in the browser's zone.
 */
export const timeToken = (iso: string): string => `{time:${iso}}`;
const TIME_TOKEN = /\{time:([^}]+)\}/g;

/** A notification's text with each time token shown by `formatTime` (given the token's ISO instant). */
export function renderNotificationText(text: string, formatTime: (iso: string) => string): string {
  return text.replace(TIME_TOKEN, (_token, iso: string) => formatTime(iso));
}

/**
 * The sentence that names what a task is about, with a leading space, or '' when it is about
 * nothing in particular: " Ann Lee, 1 Main St.", " Buyer: Bo Buys.", " Ann Lee, 1 Main St; offer of $82,000 to Bo Buys."
 */
function aboutSentence({ lead, buyer, offer }: TaskAbout): string {
  const offerPart = offer ? `offer of ${dollars(offer.amount)}${offer.buyerName ? ` to ${offer.buyerName}` : ''}` : '';
  if (lead) return ` ${lead.sellerName}, ${lead.street}${offerPart ? `; ${offerPart}` : ''}.`;
  if (buyer) return ` Buyer: ${buyer.name}.`;
  return offerPart ? ` ${offerPart.charAt(0).toUpperCase()}${offerPart.slice(1)}.` : '';
}

/** A reason as a sentence: "no notes" → "no notes.", "sold!" stays. */
const sentence = (text: string): string => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** A mention quotes the note, cut to 140 characters. */
const MENTION_QUOTE_MAX = 140;

/** Every kind's priority and wording: the one place that says what a notification tells its reader. */
export const NOTIFICATION_RULES: { readonly [K in NotificationKind]: KindRule<NotificationFacts[K]> } = {
  NEW_LEAD: {
    priority: always('HIGH'),
    title: (f) => `New lead: ${f.sellerName}`,
    body: (f) => `${f.street}, ${f.city} (${LEAD_SOURCE_LABELS[f.source]}), assigned to you by ${f.assignedBy}.`,
  },
  LEAD_CONTACT_OVERDUE: {
    priority: always('NORMAL'),
    title: (f) => `Lead not contacted: ${f.sellerName}`,
    body: (f) => `${f.sellerName} (${f.street}, ${f.city}) was not contacted within the deadline.`,
  },
  LEAD_REASSIGNED: {
    priority: always('NORMAL'),
    title: (f) => `Lead reassigned: ${f.sellerName}`,
    body: (f) => {
      const tasks = f.movedTasks === 0 ? '' : ` with ${f.movedTasks} open task${f.movedTasks === 1 ? '' : 's'}`;
      return `${f.street} moved from ${f.from} to ${f.to}${tasks}, by ${f.by}.`;
    },
  },
  TASK_ASSIGNED: {
    // Only a HIGH priority task is worth interrupting for.
    priority: (f) => (f.priority === 'HIGH' ? 'HIGH' : 'NORMAL'),
    title: (f) => `New task: ${f.title}`,
    body: (f) => `${capitalized(f.priority)} priority, assigned to you.${aboutSentence(f)}`,
  },
  REVIEW_REQUESTED: {
    priority: always('NORMAL'),
    title: (f) => `Review requested: ${f.title}`,
    body: (f) => `A task waits for your approval in the review queue.${aboutSentence(f)}`,
  },
  TASK_APPROVED: {
    priority: always('NORMAL'),
    title: (f) => `Approved: ${f.title}`,
    body: (f) => `Your task was approved and is complete.${aboutSentence(f)}`,
  },
  TASK_REJECTED: {
    priority: always('NORMAL'),
    title: (f) => `Rejected: ${f.title}`,
    body: (f) => (f.reason ? `Back in progress: ${sentence(f.reason)}` : 'Back in progress.') + aboutSentence(f),
  },
  TASK_COMPLETED: {
    priority: always('NORMAL'),
    title: (f) => `Completed: ${f.title}`,
    body: (f) => `A task you created is done.${aboutSentence(f)}`,
  },
  TASK_CANCELLED: {
    priority: always('NORMAL'),
    title: (f) => `Cancelled: ${f.title}`,
    body: (f) => (f.reason ? `Reason: ${sentence(f.reason)}` : 'This task no longer needs doing.') + aboutSentence(f),
  },
  TASK_OVERDUE: {
    priority: always('NORMAL'),
    title: (f) => overdueTitle(f.title),
    body: (f) => `This task was due ${timeToken(f.dueAt)}.${aboutSentence(f)}`,
  },
  OFFER_STATUS: {
    priority: always('NORMAL'),
    title: (f) => `Offer ${f.status.toLowerCase()}: ${f.sellerName}`,
    body: (f) => `Your ${f.offerKind.toLowerCase()} offer of ${dollars(f.amount)} is now ${(OFFER_STATUS_LABELS[f.status as OfferStatus] ?? f.status).toLowerCase()}.`,
  },
  MENTION: {
    priority: always('NORMAL'),
    title: (f) => `${f.authorName} mentioned you`,
    body: (f) => (f.noteBody.length > MENTION_QUOTE_MAX ? `${f.noteBody.slice(0, MENTION_QUOTE_MAX - 1)}…` : f.noteBody),
  },
};

export interface NotificationContent {
  kind: NotificationKind;
  priority: NotificationPriority;
  title: string;
  body: string;
}

/** The kind, priority, title and body of a notification, from what it is about. */
export function notificationFor<K extends NotificationKind>(kind: K, facts: NotificationFacts[K]): NotificationContent {
  const rule: KindRule<NotificationFacts[K]> = NOTIFICATION_RULES[kind];
  return { kind, priority: rule.priority(facts), title: rule.title(facts), body: rule.body(facts) };
}
