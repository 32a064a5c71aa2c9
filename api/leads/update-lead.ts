import type { LeadRecord, UpdateLeadInput } from '../../domain/leads/lead.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toLeadJson } from '../../db/rows';
import { AppError } from '../errors';

const blankToNull = (value: string | null | undefined) => (value === '' ? null : value);

/** Plain fields are written directly, with a `lead.updated` event; the status is the workflow's. */
export async function updateLead(db: Db, leadId: string, input: UpdateLeadInput, actor: PublicUser): Promise<LeadRecord> {
  const lead = await db.lead.findUnique({ where: { id: leadId } });
  if (!lead || lead.archivedAt) throw new AppError('NOT_FOUND', `Lead ${leadId} does not exist`);
  if (input.ownerId && !(await db.user.findFirst({ where: { id: input.ownerId, active: true }, select: { id: true } }))) {
    throw new AppError('UNPROCESSABLE', 'ownerId must name an active user', { ownerId: 'must name an active user' });
  }
  const { tags, sellerPhone, sellerEmail, ...fields } = input;
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.lead.update({
      where: { id: leadId },
      data: {
        ...fields,
        ...(sellerPhone === undefined ? {} : { sellerPhone: blankToNull(sellerPhone) }),
        ...(sellerEmail === undefined ? {} : { sellerEmail: blankToNull(sellerEmail) }),
        ...(tags ? { tags: JSON.stringify(tags) } : {}),
      },
    });
    await recordEvent(tx, { entityType: 'lead', entityId: leadId, action: 'updated', entity: toLeadJson(row), actorId: actor.id });
    return row;
  });
  return toLeadJson(updated);
}

export async function archiveLead(db: Db, leadId: string, actor: PublicUser): Promise<LeadRecord> {
  const lead = await db.lead.findUnique({ where: { id: leadId } });
  if (!lead || lead.archivedAt) throw new AppError('NOT_FOUND', `Lead ${leadId} does not exist`);
  const archived = await db.$transaction(async (tx) => {
    const row = await tx.lead.update({ where: { id: leadId }, data: { archivedAt: new Date() } });
    await recordEvent(tx, { entityType: 'lead', entityId: leadId, action: 'archived', entity: toLeadJson(row), actorId: actor.id });
    return row;
  });
  return toLeadJson(archived);
}
