import type { Db } from '../db/client';
import { fieldLabel } from '../domain/labels/field-labels';
import { AppError } from './errors';

type TargetField = 'leadId' | 'buyerId' | 'taskId' | 'offerId';

/** The one record a note or document is attached to: `[field, id]`, checked to exist (else 422). */
export async function findAttachmentTarget(db: Db, input: Partial<Record<TargetField, string>>): Promise<[TargetField, string]> {
  const [field, id] = (Object.entries(input) as Array<[TargetField, string | undefined]>).find(([, value]) => value !== undefined) as [TargetField, string];
  const count = {
    leadId: () => db.lead.count({ where: { id } }),
    buyerId: () => db.buyer.count({ where: { id } }),
    taskId: () => db.task.count({ where: { id } }),
    offerId: () => db.offer.count({ where: { id } }),
  }[field];
  if ((await count()) === 0) throw new AppError('UNPROCESSABLE', `${fieldLabel(field)} names no such record`, { [field]: 'does not name a record' });
  return [field, id];
}
