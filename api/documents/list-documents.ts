import type { z } from 'zod';
import { canDo } from '../../domain/auth/permissions';
import type { DocumentItem, listDocumentsQuerySchema } from '../../domain/documents/document.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { toDocumentJson } from '../../db/rows';
import { AppError } from '../errors';
import { DOCUMENT_WITH_RECORD, documentSubject } from './find-document';

/**
 * The live documents of a lead, buyer or offer, newest first (200 at most): those `user` may see
 * (an agent sees the documents of the records they own and the ones they uploaded). With
 * `archived`, its archived documents, last archived first: only admins see them, as only they
 * purge them (others 403).
 */
export async function listDocuments(db: Db, { archived = false, ...target }: z.infer<typeof listDocumentsQuerySchema>, user: PublicUser): Promise<{ items: DocumentItem[] }> {
  if (archived && user.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only an admin can see archived documents');
  const docs = await db.document.findMany({
    where: { ...target, archivedAt: archived ? { not: null } : null },
    include: DOCUMENT_WITH_RECORD,
    orderBy: archived ? [{ archivedAt: 'desc' }, { createdAt: 'desc' }] : { createdAt: 'desc' },
    take: 200,
  });
  return { items: docs.filter((doc) => canDo(user, 'read', documentSubject(doc))).map(toDocumentJson) };
}
