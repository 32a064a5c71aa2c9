import { ApplicationFailure } from '@temporalio/common';
import { patched, proxyLocalActivities } from '@temporalio/workflow';
import type { ActorActivities, TaskOwnership } from '../../activities/actors.activities';
import { checkActor, namesActor } from '../../domain/auth/check-actor';
import type { Actor } from '../../domain/auth/permissions';
import { LOCAL_DB_ACTIVITY_OPTIONS } from '../activity-options';

/**
 * Patch id: every Update (and the lead's move request) names only who asks, and the workflow
 * reads that user's current role and active flag (and a task's current owners) from the
 * database, in a local activity, before it accepts the change. Runs recorded before it took the
 * actor's role from the payload; they replay that way.
 */
export const VERIFY_ACTOR_PATCH = 'verify-actor';

const { getActor, getTaskActor } = proxyLocalActivities<ActorActivities>(LOCAL_DB_ACTIVITY_OPTIONS);

const refuse = (reason: string, code = 'FORBIDDEN'): never => {
  throw ApplicationFailure.nonRetryable(reason, code);
};

/** For Update validators: the payload names who asks (its shape only; who they are is checked in the handler). */
export function assertNamesActor(input: unknown): void {
  if (!namesActor(input)) refuse('the change names no actor (actorId)');
}

/**
 * Whether this change is checked against the database. Call it synchronously in the handler,
 * before any await, so a run recorded before the patch replays with exactly its old steps.
 */
export const verifiesActor = (): boolean => patched(VERIFY_ACTOR_PATCH);

/** The user `actorId` as the database has them now; refuses (403) an unknown or deactivated user. */
export async function verifyActor(actorId: string): Promise<Actor> {
  const check = checkActor(actorId, await getActor({ actorId }));
  return check.ok ? check.actor : refuse(check.reason, check.code);
}

/** For a request that gets no answer (a signal): whether `actorId` names an active user now. */
export async function isActiveActor(actorId: string | null): Promise<boolean> {
  return actorId !== null && checkActor(actorId, await getActor({ actorId })).ok;
}

/** Like `verifyActor`, and the task's current assignee and creator in the same read. */
export async function verifyTaskActor(actorId: string, taskId: string): Promise<{ actor: Actor; task: TaskOwnership }> {
  const { actor, task } = await getTaskActor({ actorId, taskId });
  const check = checkActor(actorId, actor);
  if (!check.ok) return refuse(check.reason, check.code);
  return task ? { actor: check.actor, task } : refuse(`task ${taskId} does not exist`, 'TASK_NOT_FOUND');
}
