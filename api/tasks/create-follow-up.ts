import type { CreateFollowUpInput, Task } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { IdempotencyClaim } from '../../db/writes/idempotency-keys';
import { assertLiveRecord } from './assert-live-record';
import { createTask, type CreateTaskDeps } from './create-task';
import { findTask } from './find-task';

/** A FOLLOW_UP task under the parent, carrying over its lead, buyer and offer. */
export async function createFollowUp(deps: CreateTaskDeps, parentId: string, input: CreateFollowUpInput, user: PublicUser, claim?: IdempotencyClaim): Promise<Task> {
  const parent = await findTask(deps.db, parentId);
  // Checked here too, in the parent's words: the request named no lead or buyer.
  await assertLiveRecord(deps.db, parent, 'a follow-up', { fromParent: true });
  const context = {
    ...(parent.leadId ? { leadId: parent.leadId } : {}),
    ...(parent.buyerId ? { buyerId: parent.buyerId } : {}),
    ...(parent.offerId ? { offerId: parent.offerId } : {}),
  };
  return createTask(deps, { ...input, ...context, type: 'FOLLOW_UP', requiresReview: false, parentTaskId: parent.id }, user, claim);
}
