import { findMentionedUsers } from '../../domain/notes/mentions';
import { notificationFor } from '../../domain/notifications/notification-kinds';
import { noteNotificationSubject } from '../queries/notification-subject';
import { notifyUsers } from './notify-users';
import type { Prisma } from '../client';
import { recordEvent } from './record-event';
import { toNoteJson } from '../rows';

export interface NoteToSave {
  body: string;
  authorId: string;
  leadId?: string;
  buyerId?: string;
  taskId?: string;
  offerId?: string;
}

const linkOf = (note: NoteToSave): string | undefined => {
  if (note.taskId) return `/tasks/${note.taskId}`;
  if (note.leadId) return `/leads/${note.leadId}`;
  if (note.buyerId) return `/buyers/${note.buyerId}`;
  return undefined;
};

/** Saves a note with its `note.created` event and notifies each active user it @mentions. */
export async function saveNote(tx: Prisma.TransactionClient, input: NoteToSave): Promise<ReturnType<typeof toNoteJson>> {
  const note = await tx.note.create({ data: input, include: { author: { select: { name: true } } } });
  const json = toNoteJson(note);
  await recordEvent(tx, { entityType: 'note', entityId: note.id, action: 'created', entity: json, actorId: input.authorId });
  if (input.body.includes('@')) {
    const users = await tx.user.findMany({ where: { active: true, id: { not: input.authorId } }, select: { id: true, name: true, email: true } });
    const link = linkOf(input);
    const about = await noteNotificationSubject(tx, input);
    await notifyUsers(
      tx,
      findMentionedUsers(input.body, users).map((user) => ({
        recipientId: user.id,
        ...notificationFor('MENTION', { authorName: note.author.name, noteBody: input.body }),
        ...(link ? { link } : {}),
        ...(about ? { about } : {}),
        dedupeKey: `note:${note.id}:mention:${user.id}`,
      })),
    );
  }
  return json;
}
