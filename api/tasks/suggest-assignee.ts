import { assignmentRuleFor, describeAssignmentRule } from '../../domain/tasks/assignment-rule';
import { pickLeastLoaded } from '../../domain/tasks/pick-assignee';
import type { TaskType } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { loadCandidates } from '../../db/queries/load-candidates';

export interface TaskContext {
  type: TaskType;
  leadId?: string;
  buyerId?: string;
  offerId?: string;
}

/** Who the assignment rule (`assignmentRuleFor`) gives a task nobody named, and the rule that chose them in words. */
export async function suggestAssignee(db: Db, task: TaskContext, actor: PublicUser): Promise<{ assigneeId: string | null; rule: string }> {
  const rule = assignmentRuleFor(task);
  const rulePicks = async (): Promise<string | null> => {
    switch (rule.kind) {
      case 'LEAD_OWNER':
        return (await db.lead.findUnique({ where: { id: task.leadId! }, select: { ownerId: true } }))?.ownerId ?? null;
      case 'OFFER_CREATOR':
        return (await db.offer.findUnique({ where: { id: task.offerId! }, select: { createdById: true } }))?.createdById ?? null;
      case 'LEAST_LOADED':
        return pickLeastLoaded(await loadCandidates(db, rule.role ?? undefined));
      case 'CREATOR':
        return actor.id;
    }
  };
  const picked = await rulePicks();
  // Inactive users never receive tasks: an inactive owner's task falls back to the creator.
  const active = picked ? await db.user.findUnique({ where: { id: picked }, select: { active: true } }) : null;
  return active?.active ? { assigneeId: picked, rule: describeAssignmentRule(rule) } : { assigneeId: actor.id, rule: 'you, the creator (no active user fits the rule)' };
}
