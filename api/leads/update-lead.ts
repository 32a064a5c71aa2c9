import type { LeadRecord, UpdateLeadInput } from '../../domain/leads/lead.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toLeadJson } from '../../db/rows';
import { AppError } from '../errors';
import { findLead } from './get-lead';

const blankToNull = (value: string | null | undefined) => (value === '' ? null : value);

/** Plain fields are written directly, with a `lead.updated` event; the status is the workflow's. */
export async function updateLead(db: Db, leadId: string, input: UpdateLeadInput, actor: PublicUser): Promise<LeadRecord> {
  await findLead(db, leadId);
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
