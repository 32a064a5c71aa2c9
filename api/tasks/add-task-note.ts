import { createHash } from 'node:crypto';
import type { Note } from '../../domain/notes/note.schema';
import type { PublicUser } from '../../domain/users/user-role';
import { toNoteJson } from '../../db/rows';
import { saveIdempotentResult, type IdempotencyClaim } from '../../db/writes/idempotency-keys';
import { addTaskNoteUpdate } from '../../workflows/tasks/task.messages';
import { assertPermission } from '../permissions/assert-permission';
import { updateWithStartOnce } from '../temporal/update-with-start';
import { taskWorkflowStart } from '../temporal/workflow-starts';
import { findTask } from './find-task';
import type { TaskUpdateDeps } from './run-task-update';

/**
 * A note on the task, written by `task-<id>` (which notifies those it @mentions). The note is
 * written by the worker, not in a transaction of ours, so a request with an Idempotency-Key sends
 * its Update under an id derived from the key: Temporal runs it once, then the key records the note.
 */
export async function addTaskNote(deps: TaskUpdateDeps, taskId: string, body: string, user: PublicUser, claim?: IdempotencyClaim): Promise<Note> {
  await findTask(deps.db, taskId);
  assertPermission(user, 'create', { type: 'note', authorId: user.id });
  const updateId = claim && `idempotency-${createHash('sha256').update(`${claim.userId}\n${claim.key}`).digest('hex')}`;
  const { noteId } = await updateWithStartOnce(deps, taskWorkflowStart(taskId), addTaskNoteUpdate, updateId, { body, actorId: user.id });
  const note = toNoteJson(await deps.db.note.findUniqueOrThrow({ where: { id: noteId }, include: { author: { select: { name: true } } } }));
  await saveIdempotentResult(deps.db, claim, note);
  return note;
}
