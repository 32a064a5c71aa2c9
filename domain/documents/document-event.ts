import { checkPermission } from '../auth/permissions';
import type { UserRole } from '../users/user-role';
import type { DocumentItem } from './document.schema';

/**
 * What a `document.*` event carries: the document as of the change, and the owner of the lead,
 * buyer or offer it is on at that moment (null: nobody owns it), so the stream can apply the
 * document list's read rule to the event alone, without a database read per event per stream.
 */
export type DocumentEvent = DocumentItem & { recordOwnerId: string | null };

/** Who may see a document event: its uploader and record owner (each null when unknown). */
type DocumentEventAccess = { uploadedById: string | null; recordOwnerId: string | null };

// Events written before they carried the record's owner, or unreadable: nobody's, so only those who see every document.
const NOBODYS: DocumentEventAccess = { uploadedById: null, recordOwnerId: null };

function accessOf(payload: string | undefined): DocumentEventAccess {
  if (payload === undefined) return NOBODYS;
  try {
    const entity = JSON.parse(payload) as { uploadedById?: unknown; recordOwnerId?: unknown };
    if (entity.recordOwnerId === undefined) return NOBODYS;
    return {
      uploadedById: typeof entity.uploadedById === 'string' ? entity.uploadedById : null,
      recordOwnerId: typeof entity.recordOwnerId === 'string' ? entity.recordOwnerId : null,
    };
  } catch {
    return NOBODYS;
  }
}

// The live stream asks once per open stream for the same event: read its payload once.
let last: { payload: string | undefined; access: DocumentEventAccess } | undefined;

/**
 * May this user see a `document.*` event, given the Event row's JSON payload? The same rule as the
 * document list and download (checkPermission's `read` on the document): an agent sees the events
 * of the documents they uploaded and of the records they owned when the event was written;
 * acquisitions, supervisors and admins see all. An event without `recordOwnerId` (written before
 * events carried it) is treated as nobody's: only those who see every document get it. Without
 * the viewer's role the viewer counts as an agent.
 */
export function canSeeDocumentEvent(payload: string | undefined, userId: string, role: UserRole = 'AGENT'): boolean {
  if (!last || last.payload !== payload) last = { payload, access: accessOf(payload) };
  return checkPermission({ id: userId, role }, 'read', { type: 'document', ...last.access }).ok;
}
