import type { CreateNoteInput, Note } from '../../domain/notes/note.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { saveIdempotentResult, type IdempotencyClaim } from '../../db/writes/idempotency-keys';
import { saveNote } from '../../db/writes/save-note';
import { assertPermission } from '../permissions/assert-permission';
import { findAttachmentTarget } from '../record-target';
import { assertLiveRecord } from '../tasks/assert-live-record';

/** Saves a note on its lead, buyer, task or offer; each active user it @mentions is notified. */
export async function createNote(db: Db, input: CreateNoteInput, actor: PublicUser, claim?: IdempotencyClaim): Promise<Note> {
  assertPermission(actor, 'create', { type: 'note', authorId: actor.id });
  const { body: _body, ...targets } = input;
  await findAttachmentTarget(db, targets);
  await assertLiveRecord(db, targets, 'a note');
  return db.$transaction(async (tx) => {
    const note = await saveNote(tx, { ...input, authorId: actor.id });
    await saveIdempotentResult(tx, claim, note);
    return note;
  });
}
