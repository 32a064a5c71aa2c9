import type { PermissionAction, PermissionSubject } from '../../domain/auth/permissions';
import type { DocumentEvent } from '../../domain/documents/document-event';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { toDocumentJson } from '../../db/rows';
import { AppError } from '../errors';
import { assertPermission } from '../permissions/assert-permission';

const WITH_RECORD = {
  lead: { select: { ownerId: true } },
  buyer: { select: { ownerId: true } },
  offer: { select: { kind: true, createdById: true, lead: { select: { ownerId: true } } } },
} as const;

type DocumentWithRecord = NonNullable<Awaited<ReturnType<typeof loadDocument>>>;

const loadDocument = (db: Db, documentId: string) => db.document.findUnique({ where: { id: documentId }, include: WITH_RECORD });

/** The owner of the lead, buyer or offer a document is on (an offer's: its lead's owner, or the buyer offer's creator). */
const recordOwnerOf = (doc: DocumentWithRecord): string | null =>
  doc.lead?.ownerId ?? doc.buyer?.ownerId ?? (doc.offer ? (doc.offer.kind === 'BUYER' ? doc.offer.createdById : doc.offer.lead.ownerId) : null);

/** The permission subject of a document: its uploader and the owner of the lead, buyer or offer it is on. */
export function documentSubject(doc: DocumentWithRecord): PermissionSubject {
  return { type: 'document', uploadedById: doc.uploadedById, recordOwnerId: recordOwnerOf(doc) };
}

/**
 * A `document.*` event's payload: the document and the owner of its record as the event is written
 * (the stream decides from it who gets the event). A later change of the record's owner does not
 * move the events written before it.
 */
export const toDocumentEvent = (doc: DocumentWithRecord): DocumentEvent => ({ ...toDocumentJson(doc), recordOwnerId: recordOwnerOf(doc) });

/** A live document (404 otherwise, archived included) when the permission matrix lets `user` do `action` on it (403 otherwise). */
export async function findDocumentFor(db: Db, documentId: string, user: PublicUser, action: PermissionAction) {
  const doc = await loadDocument(db, documentId);
  if (!doc || doc.archivedAt) throw new AppError('NOT_FOUND', `Document ${documentId} does not exist`);
  assertPermission(user, action, documentSubject(doc));
  return doc;
}

export { WITH_RECORD as DOCUMENT_WITH_RECORD };
