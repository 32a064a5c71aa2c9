import { monthlyReviewTaskFor, REVIEWED_ROLES } from '../domain/tasks/monthly-review';
import { pickLeastLoaded } from '../domain/tasks/pick-assignee';
import type { Db } from '../db/client';
import { loadCandidates } from '../db/queries/load-candidates';
import { saveAutomaticTask, type AutomationDeps } from '../db/writes/save-automatic-task';

export function createReviewActivities({ db, automationGraceMs }: { db: Db } & AutomationDeps) {
  return {
    /** One review task per active agent, each for the supervisor with the least open work; once per month. */
    async createMonthlyReviews({ at, dueMs }: { at: string; dueMs: number }): Promise<{ taskIds: string[] }> {
      const agents = await db.user.findMany({ where: { active: true, role: { in: [...REVIEWED_ROLES] } }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
      const taskIds: string[] = [];
      for (const agent of agents) {
        const task = await db.$transaction(async (tx) => {
          const supervisorId = pickLeastLoaded(await loadCandidates(tx, 'SUPERVISOR'));
          return saveAutomaticTask(tx, monthlyReviewTaskFor(agent, new Date(at), dueMs), { assigneeId: supervisorId }, automationGraceMs);
        });
        taskIds.push(task.id);
      }
      return { taskIds };
    },
  };
}
export type ReviewActivities = ReturnType<typeof createReviewActivities>;
