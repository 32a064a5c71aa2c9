import type { Note } from '../../domain/notes/note.schema';
import type { PublicUser } from '../../domain/users/user-role';
import { toNoteJson } from '../../db/rows';
import { addTaskNoteUpdate } from '../../workflows/tasks/task.messages';
import { findTask } from './find-task';
import { runTaskUpdate, type TaskUpdateDeps } from './run-task-update';

/** A note on the task, written by `task-<id>` (which notifies those it @mentions). */
export async function addTaskNote(deps: TaskUpdateDeps, taskId: string, body: string, user: PublicUser): Promise<Note> {
  await findTask(deps.db, taskId);
  const { noteId } = await runTaskUpdate(deps, taskId, addTaskNoteUpdate, { body, actorId: user.id });
  return toNoteJson(await deps.db.note.findUniqueOrThrow({ where: { id: noteId }, include: { author: { select: { name: true } } } }));
}
