import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/client';
import { contactTaskFor, isContactMissed, overdueContactTaskFor } from '../domain/leads/lead-tasks';
import { leadSubject } from '../domain/notifications/notification-groups';
import { notificationFor } from '../domain/notifications/notification-kinds';
import { recordEvent } from '../db/writes/record-event';
import { toTaskJson } from '../db/rows';
import { readLead } from '../db/queries/lead-list';
import { notifyUsers } from '../db/writes/notify-users';
import { saveAutomaticTask, type AutomationDeps } from '../db/writes/save-automatic-task';

export interface LeadActivityDeps extends AutomationDeps {
  db: Db;
}

export function createLeadActivities({ db, automationGraceMs }: LeadActivityDeps) {
  async function getLeadOrFail(leadId: string) {
    const lead = await readLead(db, leadId);
    if (!lead) throw ApplicationFailure.nonRetryable(`lead ${leadId} does not exist`, 'LEAD_NOT_FOUND');
    return lead;
  }

  return {
    /**
     * Creates "Contact lead within 1 hour" for the lead's owner; returns its id, its due time and
     * the contact deadline. They differ for a lead whose workflow started late: the deadline stays
     * `contactMs` after the lead's creation (and fires at once when passed), while the task falls
     * due no earlier than the automation grace from now.
     */
    async createContactTask({ leadId, contactMs }: { leadId: string; contactMs: number }): Promise<{ taskId: string; dueAt: string; deadlineAt: string }> {
      const lead = await getLeadOrFail(leadId);
      const spec = contactTaskFor(lead, contactMs);
      const task = await db.$transaction((tx) => saveAutomaticTask(tx, spec, { assigneeId: lead.ownerId, leadId: lead.id }, automationGraceMs));
      return { taskId: task.id, dueAt: task.dueAt.toISOString(), deadlineAt: spec.dueAt.toISOString() };
    },

    /**
     * Runs when the contact deadline fires. When the lead is still NEW it flags the contact task
     * overdue, tells every active supervisor and creates the "Overdue: contact …" follow-up.
     */
    async flagContactOverdue({
      leadId,
      contactTaskId,
      firedAt,
      key,
    }: {
      leadId: string;
      contactTaskId: string;
      /** When the deadline fired, in workflow time (the follow-up is due then). */
      firedAt: string;
      /** Set for a deadline re-armed by unarchiving: keys its follow-up and notices apart from the first deadline's. */
      key?: string;
    }): Promise<{ followUpTaskId: string | null }> {
      const lead = await getLeadOrFail(leadId);
      if (!isContactMissed(lead)) return { followUpTaskId: null };
      const supervisors = await db.user.findMany({ where: { role: 'SUPERVISOR', active: true }, select: { id: true } });

      const followUp = await db.$transaction(async (tx) => {
        const contactTask = await tx.task.findUniqueOrThrow({ where: { id: contactTaskId } });
        if (!contactTask.overdue) {
          const flagged = await tx.task.update({ where: { id: contactTaskId }, data: { overdue: true } });
          await recordEvent(tx, { entityType: 'task', entityId: flagged.id, action: 'overdue', entity: toTaskJson(flagged) });
        }
        await notifyUsers(
          tx,
          supervisors.map((supervisor) => ({
            recipientId: supervisor.id,
            ...notificationFor('LEAD_CONTACT_OVERDUE', lead),
            link: `/leads/${lead.id}`,
            about: leadSubject(lead),
            dedupeKey: `lead:${lead.id}:${key ? `${key}:` : ''}contact-overdue:${supervisor.id}`,
          })),
        );
        return saveAutomaticTask(tx, overdueContactTaskFor(lead, new Date(firedAt), key), {
          assigneeId: lead.ownerId,
          leadId: lead.id,
          parentTaskId: contactTaskId,
        }, automationGraceMs);
      });
      return { followUpTaskId: followUp.id };
    },
  };
}
export type LeadActivities = ReturnType<typeof createLeadActivities>;
