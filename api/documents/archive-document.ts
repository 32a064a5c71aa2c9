import type { DocumentItem } from '../../domain/documents/document.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toDocumentJson } from '../../db/rows';
import { DOCUMENT_WITH_RECORD, findDocumentFor, toDocumentEvent } from './find-document';

/** `POST /api/documents/:id/archive`: the document leaves its lists (its file stays on disk); the uploader, a supervisor or an admin. */
export async function archiveDocument(db: Db, documentId: string, actor: PublicUser): Promise<DocumentItem> {
  await findDocumentFor(db, documentId, actor, 'archive');
  return db.$transaction(async (tx) => {
    const archived = await tx.document.update({ where: { id: documentId }, data: { archivedAt: new Date() }, include: DOCUMENT_WITH_RECORD });
    await recordEvent(tx, { entityType: 'document', entityId: documentId, action: 'archived', entity: toDocumentEvent(archived), actorId: actor.id });
    return toDocumentJson(archived);
  });
}
