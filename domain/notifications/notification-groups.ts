import type { NotificationKind } from './notification-kinds';

/** The record a notification is about, for grouping: `lead:<id>`, `buyer:<id>` or `task:<id>`, and how people call it. */
export interface NotificationSubject {
  key: string;
  label: string;
}

/** How several notifications of one kind about one thing read together: "3 overdue tasks on 12 Elm St". */
const GROUP_WORDING: Partial<Record<NotificationKind, (count: number, label: string) => string>> = {
  TASK_OVERDUE: (n, label) => `${n} overdue tasks on ${label}`,
  LEAD_CONTACT_OVERDUE: (n, label) => `${n} missed contact deadlines: ${label}`,
  TASK_ASSIGNED: (n, label) => `${n} new tasks on ${label}`,
  REVIEW_REQUESTED: (n, label) => `${n} reviews requested on ${label}`,
  TASK_APPROVED: (n, label) => `${n} tasks approved on ${label}`,
  TASK_REJECTED: (n, label) => `${n} tasks rejected on ${label}`,
  TASK_COMPLETED: (n, label) => `${n} tasks completed on ${label}`,
  TASK_CANCELLED: (n, label) => `${n} tasks cancelled on ${label}`,
  OFFER_STATUS: (n, label) => `${n} offer updates on ${label}`,
  MENTION: (n, label) => `${n} mentions on ${label}`,
};

/** The group a new notification joins; null for kinds that are news each time (a new lead, a reassignment). */
export function groupKeyOf(kind: NotificationKind, subject: NotificationSubject | undefined): string | null {
  return subject && GROUP_WORDING[kind] ? `${kind}:${subject.key}` : null;
}

export interface GroupableNotification {
  id: string;
  kind: string;
  title: string;
  readAt: string | null;
  groupKey: string | null;
  subject: string | null;
}

export type NotificationGroup<T extends GroupableNotification> = T & {
  /** How many notifications the row stands for (1 when alone). */
  count: number;
  /** Every notification in the group, newest first: reading the row reads them all. */
  ids: string[];
};

/**
 * Newest first, folds repeated notifications of one kind about one thing into their newest one,
 * retitled ("3 overdue tasks on 12 Elm St"). Unread and read ones never share a group, so the
 * bell's count is of groups the user has not seen.
 */
export function groupNotifications<T extends GroupableNotification>(rows: T[], limit: number): Array<NotificationGroup<T>> {
  const groups: Array<NotificationGroup<T>> = [];
  const byKey = new Map<string, NotificationGroup<T>>();
  for (const row of rows) {
    const key = row.groupKey ? `${row.groupKey}|${row.readAt ? 'read' : 'unread'}` : null;
    const group = key ? byKey.get(key) : undefined;
    if (group) {
      group.count += 1;
      group.ids.push(row.id);
      const wording = GROUP_WORDING[row.kind as NotificationKind];
      if (wording && row.subject) group.title = wording(group.count, row.subject);
      continue;
    }
    if (groups.length === limit) continue;
    const created: NotificationGroup<T> = { ...row, count: 1, ids: [row.id] };
    groups.push(created);
    if (key) byKey.set(key, created);
  }
  return groups;
}

/** A lead, as notifications about it are grouped and named: by its street address. */
export const leadSubject = (lead: { id: string; street: string }): NotificationSubject => ({ key: `lead:${lead.id}`, label: lead.street });
