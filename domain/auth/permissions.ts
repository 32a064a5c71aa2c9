import type { UserRole } from '../users/user-role';

/**
 * Who may do what: one matrix of role × action × ownership, used by every route (and the
 * workflows' validators) so the API, the workflows and the pages agree.
 *
 * - AGENT reads the team's leads, buyers, offers and tasks; writes only the leads they own and
 *   the tasks assigned to them (and their own purchase offers on those leads); adds notes and
 *   documents anywhere they can read, but sees (and downloads) only the documents of the records
 *   they own and the ones they uploaded: contracts and proof of funds stay with the deal's owner.
 * - ACQUISITIONS owns buyers and buyer offers, reads leads, and writes the tasks assigned to them.
 * - Tasks: the assignee may hand a task on; its creator may move its date and priority and
 *   cancel it, but not take it from the assignee (as checkTaskEdit in task-edits.ts).
 * - Leads and buyers change hands only through a supervisor or an admin.
 * - A note is signed by its author: only the author rewrites it; a supervisor or an admin may
 *   archive it.
 * - SUPERVISOR and ADMIN may do everything else, except that settings and users stay ADMIN's (and
 *   approving or rejecting a task stays SUPERVISOR's: see task-actions.ts).
 * - The outbox (every e-mail the app sent, with its recipients) is ADMIN's alone, reading included.
 */
export const PERMISSION_ACTIONS = ['read', 'create', 'update', 'archive', 'changeOwner'] as const;
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number];

export interface Actor {
  id: string;
  role: UserRole;
}

export type PermissionSubject =
  | { type: 'lead'; ownerId: string | null }
  | { type: 'buyer'; ownerId: string | null }
  | { type: 'offer'; kind: 'PURCHASE' | 'BUYER'; leadOwnerId: string | null; createdById: string | null }
  | { type: 'task'; assigneeId: string | null; createdById: string | null }
  | { type: 'note'; authorId: string | null }
  /** `recordOwnerId`: the owner of the lead, buyer or offer it is on (an offer's: its lead's owner, or the buyer offer's creator); absent for a new one. */
  | { type: 'document'; uploadedById: string | null; recordOwnerId?: string | null }
  | { type: 'settings' }
  | { type: 'user'; id: string | null }
  /** Outgoing mail: what was sent to whom, and why a send failed. */
  | { type: 'outbox' }
  /** A CSV list import: admins and supervisors import; anyone sees only the imports they made. */
  | { type: 'import'; createdById: string | null };

export type PermissionCheck = { ok: true } | { ok: false; reason: string };

const ALLOWED: PermissionCheck = { ok: true };
const refused = (reason: string): PermissionCheck => ({ ok: false, reason });

const VERB: Record<PermissionAction, string> = {
  read: 'see',
  create: 'create',
  update: 'change',
  archive: 'archive',
  changeOwner: 'reassign',
};

function ownerOnly(actor: Actor, ownerId: string | null, action: PermissionAction, what: string, owner: string): PermissionCheck {
  if (action === 'read') return ALLOWED;
  if (action === 'changeOwner') return refused(`only a supervisor or an admin can reassign ${what}`);
  if (action === 'create') return ALLOWED;
  return ownerId === actor.id ? ALLOWED : refused(`only ${owner}, a supervisor or an admin can ${VERB[action]} ${what}`);
}

function readOnly(action: PermissionAction, what: string, writers: string): PermissionCheck {
  return action === 'read' ? ALLOWED : refused(`only ${writers} can ${VERB[action]} ${what}`);
}

function checkAgent(actor: Actor, action: PermissionAction, subject: PermissionSubject): PermissionCheck {
  switch (subject.type) {
    case 'lead':
      return ownerOnly(actor, subject.ownerId, action, 'this lead', "the lead's owner");
    case 'buyer':
      return readOnly(action, 'a buyer', 'acquisitions, a supervisor or an admin');
    case 'offer':
      if (action === 'changeOwner') return refused('only a supervisor or an admin can reassign an offer');
      if (subject.kind === 'BUYER') return readOnly(action, "a buyer's offer", 'acquisitions, a supervisor or an admin');
      return action === 'read' || subject.leadOwnerId === actor.id ? ALLOWED : refused("only the lead's owner, a supervisor or an admin can make or change offers on this lead");
    case 'document':
      if (action === 'read' && subject.recordOwnerId !== undefined && subject.recordOwnerId !== actor.id && subject.uploadedById !== actor.id) {
        return refused("only the record's owner, the document's uploader, acquisitions, a supervisor or an admin can see this document");
      }
      return checkSharedByWorkers(actor, action, subject);
    default:
      return checkSharedByWorkers(actor, action, subject);
  }
}

function checkAcquisitions(actor: Actor, action: PermissionAction, subject: PermissionSubject): PermissionCheck {
  switch (subject.type) {
    case 'lead':
      if (action === 'create') return refused('only an agent, a supervisor or an admin can create a lead');
      return readOnly(action, 'a lead', "the lead's owner, a supervisor or an admin");
    case 'buyer':
      return action === 'changeOwner' ? refused('only a supervisor or an admin can reassign a buyer') : ALLOWED;
    case 'offer':
      if (action === 'changeOwner') return refused('only a supervisor or an admin can reassign an offer');
      return subject.kind === 'BUYER' || action === 'read' ? ALLOWED : refused("only the lead's owner, a supervisor or an admin can make or change offers on this lead");
    default:
      return checkSharedByWorkers(actor, action, subject);
  }
}

/** Tasks, notes, documents, settings and users: the same for agents and acquisitions. */
function checkSharedByWorkers(actor: Actor, action: PermissionAction, subject: Exclude<PermissionSubject, { type: 'lead' | 'buyer' | 'offer' }>): PermissionCheck {
  switch (subject.type) {
    case 'task':
      return checkTaskWorker(actor, action, subject);
    case 'note':
      return checkAuthored(actor, action, subject.authorId, 'note');
    case 'document':
      return checkAuthored(actor, action, subject.uploadedById, 'document');
    case 'settings':
    case 'user':
      return checkAdminOnly(actor, action, subject);
    case 'outbox':
      return refused('only an admin can see the outbox');
    case 'import':
      if (action === 'read' && subject.createdById === actor.id) return ALLOWED;
      return refused(action === 'read' ? 'only its importer, a supervisor or an admin can see this import' : 'only a supervisor or an admin can import lists');
  }
}

function checkTaskWorker(actor: Actor, action: PermissionAction, task: { assigneeId: string | null; createdById: string | null }): PermissionCheck {
  if (action === 'read' || action === 'create') return ALLOWED;
  const isAssignee = task.assigneeId === actor.id;
  // The assignee may hand the task on (to a colleague who is free); nobody else takes it from them.
  if (action === 'changeOwner') return isAssignee ? ALLOWED : refused('only the assignee, a supervisor or an admin can reassign this task');
  // Whoever asked for the work may still move its date or priority, or withdraw it.
  if (isAssignee || task.createdById === actor.id) return ALLOWED;
  // Withdrawing a task is cancelling it.
  return refused(`only the assignee, the creator, a supervisor or an admin can ${action === 'archive' ? 'cancel' : VERB[action]} this task`);
}

function checkAuthored(actor: Actor, action: PermissionAction, authorId: string | null, what: 'note' | 'document'): PermissionCheck {
  if (action === 'read' || action === 'create') return ALLOWED;
  if (action === 'changeOwner') return refused(`a ${what} cannot be reassigned`);
  return authorId === actor.id ? ALLOWED : refused(`only its author, a supervisor or an admin can ${VERB[action]} this ${what}`);
}

function checkAdminOnly(actor: Actor, action: PermissionAction, subject: { type: 'settings' } | { type: 'user'; id: string | null }): PermissionCheck {
  if (action === 'read') return ALLOWED;
  if (actor.role === 'ADMIN') return ALLOWED;
  return refused(subject.type === 'settings' ? 'only an admin can change settings' : 'only an admin can manage users');
}

/** May `actor` do `action` on `subject`? The one rule every route and workflow asks. */
export function checkPermission(actor: Actor, action: PermissionAction, subject: PermissionSubject): PermissionCheck {
  // A note speaks in its author's name: nobody else rewrites it, whatever their role.
  if (subject.type === 'note' && action === 'update' && subject.authorId !== actor.id) return refused('only its author can change this note');
  switch (actor.role) {
    case 'ADMIN':
      return ALLOWED;
    case 'SUPERVISOR':
      if (subject.type === 'outbox') return refused('only an admin can see the outbox');
      return subject.type === 'settings' || subject.type === 'user' ? checkAdminOnly(actor, action, subject) : ALLOWED;
    case 'ACQUISITIONS':
      return checkAcquisitions(actor, action, subject);
    case 'AGENT':
      return checkAgent(actor, action, subject);
  }
}

export const canDo = (actor: Actor, action: PermissionAction, subject: PermissionSubject): boolean => checkPermission(actor, action, subject).ok;
