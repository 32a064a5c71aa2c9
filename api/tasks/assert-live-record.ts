import type { Db } from '../../db/client';
import { fieldLabel } from '../../domain/labels/field-labels';
import { AppError } from '../errors';

type LiveField = 'leadId' | 'buyerId';

function readRecord(db: Db, field: LiveField, id: string) {
  const select = { archivedAt: true, mergedIntoId: true } as const;
  return field === 'leadId' ? db.lead.findUnique({ where: { id }, select }) : db.buyer.findUnique({ where: { id }, select });
}

/**
 * New work (a note, a task) goes on a live lead or buyer only, as an offer does: an archived one
 * is frozen (its page offers nothing to add) and a merged one's work lives on its survivor. A 422
 * naming the field; a record that does not exist is left to `findAttachmentTarget`. `fromParent`:
 * the ids are a parent task's, not the request's, so the refusal says so and names no field.
 */
export async function assertLiveRecord(
  db: Db,
  subject: Partial<Record<LiveField, string | null>>,
  adding: 'a note' | 'a task' | 'a follow-up',
  { fromParent = false }: { fromParent?: boolean } = {},
): Promise<void> {
  for (const field of ['leadId', 'buyerId'] as const) {
    const id = subject[field];
    const record = id ? await readRecord(db, field, id) : null;
    if (!record || (!record.archivedAt && !record.mergedIntoId)) continue;
    const noun = fieldLabel(field).toLowerCase();
    const whose = fromParent ? `This task's ${noun}` : fieldLabel(field);
    const [message, problem] = record.mergedIntoId
      ? [`${whose} was merged into another ${noun}: add ${adding} there`, `names a merged ${noun}`]
      : [`${whose} is archived: unarchive it to add ${adding}`, `names an archived ${noun}`];
    throw new AppError('UNPROCESSABLE', message, fromParent ? undefined : { [field]: problem });
  }
}
