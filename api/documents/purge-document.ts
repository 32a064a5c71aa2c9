import fs from 'node:fs/promises';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { AppError } from '../errors';
import type { DocumentStorage } from './receive-upload';
import { DOCUMENT_WITH_RECORD, toDocumentEvent } from './find-document';
import { storedFilePath } from './upload-document';

/**
 * `DELETE /api/documents/:id` (admins, archived or not): the document goes for good, with a
 * `document.purged` event, its reminder tasks keep their text but lose the link, and its file is
 * deleted unless another document holds the same content. A running `document-<id>` finds the
 * document gone and reminds nobody.
 */
export async function purgeDocument(deps: { db: Db; storage: DocumentStorage }, documentId: string, actor: PublicUser): Promise<void> {
  const doc = await deps.db.document.findUnique({ where: { id: documentId }, include: DOCUMENT_WITH_RECORD });
  if (!doc) throw new AppError('NOT_FOUND', `Document ${documentId} does not exist`);
  await deps.db.$transaction(async (tx) => {
    await tx.task.updateMany({ where: { documentId }, data: { documentId: null } });
    await tx.document.delete({ where: { id: documentId } });
    await recordEvent(tx, { entityType: 'document', entityId: documentId, action: 'purged', entity: toDocumentEvent(doc), actorId: actor.id });
  });
  if (doc.storagePath && (await deps.db.document.count({ where: { storagePath: doc.storagePath } })) === 0) {
    await fs.rm(storedFilePath(deps.storage, doc.storagePath), { force: true });
  }
}
