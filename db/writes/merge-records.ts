import { BUY_BOX_BOUNDS } from '../../domain/buyers/buy-box-bounds';
import { checkMerge, dropCrossedBounds, fillEmptyFields, mergeTags, type MergeCheck, type MergeResult } from '../../domain/merge/merge-records';
import { OPEN_TASK_STATUSES } from '../../domain/tasks/task.schema';
import type { Buyer as BuyerRow, Lead as LeadRow } from '../../prisma/generated/client';
import type { Db, Prisma } from '../client';
import { toBuyerJson, toLeadJson, toTaskJson } from '../rows';
import { replaceBuyerMarkets } from './buyer-markets';
import { buyerKeyData } from './contact-keys';
import { saveLeadScore } from './lead-score';
import { recordEvent } from './record-event';

/** A lead's fields a merge fills on the survivor when they are empty there (never its address, status or owner). */
const LEAD_FILLABLE = [
  'sellerPhone',
  'sellerEmail',
  'beds',
  'baths',
  'sqft',
  'yearBuilt',
  'askingPrice',
  'arv',
  'repairEstimate',
  'motivation',
  'zipPlus4',
  'county',
  'apn',
  'mailingAddress',
  'phones',
  'estimatedEquity',
  'ltv',
  'contactedAt',
] as const satisfies ReadonlyArray<keyof LeadRow>;

/** A buyer's fields a merge fills on the survivor when they are empty there; the buy box lists count as empty at `[]`. */
const BUYER_FILLABLE = [
  'company',
  'email',
  'phone',
  'proofOfFundsAmount',
  'pofVerifiedAt',
  'pofExpiresAt',
  'minPrice',
  'maxPrice',
  'minBeds',
  'minBaths',
  'maxRepair',
  'ownerId',
  // A buyer who unsubscribed under either record stays unsubscribed.
  'emailOptOutAt',
] as const satisfies ReadonlyArray<keyof BuyerRow>;
const BUYER_LISTS = ['markets', 'propertyTypes', 'strategies'] as const;

export type MergeWrite<T> = { ok: true; result: MergeResult; survivor: T; source: T } | { ok: false; refusal: Exclude<MergeCheck, { ok: true }> };

type Tx = Prisma.TransactionClient;
type Kind = 'lead' | 'buyer';

const parseList = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};

/** The source's open automatic tasks, cancelled (each with its event): the survivor's own automation covers it. */
async function cancelAutomaticTasks(tx: Tx, where: { leadId: string } | { buyerId: string }): Promise<string[]> {
  const open = await tx.task.findMany({ where: { ...where, automationKey: { not: null }, status: { in: [...OPEN_TASK_STATUSES] } }, select: { id: true } });
  for (const { id } of open) {
    const task = await tx.task.update({ where: { id }, data: { status: 'CANCELLED' } });
    await recordEvent(tx, { entityType: 'task', entityId: id, action: 'cancelled', entity: { ...toTaskJson(task), reason: 'its record was merged into another' } });
  }
  return open.map((task) => task.id);
}

/** The source's favorites become the survivor's (a user who favorited both keeps one). */
async function moveFavorites(tx: Tx, kind: Kind, sourceId: string, survivorId: string): Promise<number> {
  const moved = await tx.$executeRaw`INSERT INTO "Favorite" ("userId", "entityType", "entityId", "createdAt")
    SELECT "userId", "entityType", ${survivorId}, "createdAt" FROM "Favorite" WHERE "entityType" = ${kind} AND "entityId" = ${sourceId}
    ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`DELETE FROM "Favorite" WHERE "entityType" = ${kind} AND "entityId" = ${sourceId}`;
  return moved;
}

/**
 * Merges lead `sourceId` into lead `survivorId` in one transaction: the source's tasks (but its
 * open automatic ones, cancelled), offers, notes, documents, calls, deal (when the survivor has
 * none) and favorites move to the survivor; the survivor's empty fields take the source's values
 * and its tags both sets; the source is archived with `mergedIntoId`; `lead.merged` (survivor) and
 * `lead.merged_into` (source) events. Both rows are read inside the transaction, so of two merges
 * of one source only the first is applied and the second is refused.
 */
export async function mergeLeadRecords(db: Db, { survivorId, sourceId, actorId, now = new Date() }: { survivorId: string; sourceId: string; actorId: string; now?: Date }): Promise<MergeWrite<LeadRow>> {
  return db.$transaction(async (tx) => {
    const [survivor, source] = await Promise.all([tx.lead.findUniqueOrThrow({ where: { id: survivorId } }), tx.lead.findUniqueOrThrow({ where: { id: sourceId } })]);
    const check = checkMerge('lead', survivor, source);
    if (!check.ok) return { ok: false, refusal: check };

    const cancelledTaskIds = await cancelAutomaticTasks(tx, { leadId: sourceId });
    const from = { leadId: sourceId };
    const to = { leadId: survivorId };
    const moved = {
      // The cancelled automatic tasks stay where they were made (their keys are the source's).
      tasks: (await tx.task.updateMany({ where: { ...from, id: { notIn: cancelledTaskIds } }, data: to })).count,
      offers: (await tx.offer.updateMany({ where: from, data: to })).count,
      notes: (await tx.note.updateMany({ where: from, data: to })).count,
      documents: (await tx.document.updateMany({ where: from, data: to })).count,
      calls: (await tx.call.updateMany({ where: from, data: to })).count,
      favorites: await moveFavorites(tx, 'lead', sourceId, survivorId),
    };
    // One deal per lead: the source's moves only to a survivor without one.
    if (!(await tx.deal.findUnique({ where: to }))) await tx.deal.updateMany({ where: from, data: to });

    const fill = fillEmptyFields(survivor, source, LEAD_FILLABLE);
    const tags = mergeTags(parseList(survivor.tags), parseList(source.tags));
    const tagsChanged = tags.length !== parseList(survivor.tags).length;
    const filled = [...Object.keys(fill), ...(tagsChanged ? ['tags'] : [])];
    const lastCallAt = source.lastCallAt && (!survivor.lastCallAt || source.lastCallAt > survivor.lastCallAt) ? source.lastCallAt : survivor.lastCallAt;
    const written = await tx.lead.update({ where: { id: survivorId }, data: { ...fill, tags: JSON.stringify(tags), lastCallAt } });
    const survivorRow = await saveLeadScore(tx, written, now);
    const sourceRow = await tx.lead.update({ where: { id: sourceId }, data: { archivedAt: now, mergedIntoId: survivorId, nextFollowUpAt: null } });

    const result: MergeResult = { survivorId, sourceId, moved, cancelledTaskIds, filled };
    // The source's story ends before the survivor's merge line, so both timelines read in order.
    await recordEvent(tx, {
      entityType: 'lead',
      entityId: sourceId,
      action: 'merged_into',
      entity: { ...toLeadJson(sourceRow), survivorId, survivorName: `${survivor.sellerName}, ${survivor.street}` },
      actorId,
    });
    await recordEvent(tx, {
      entityType: 'lead',
      entityId: survivorId,
      action: 'merged',
      entity: { ...toLeadJson(survivorRow), sourceId, sourceName: `${source.sellerName}, ${source.street}`, moved, filled, cancelledTaskIds },
      actorId,
      dedupeKey: `merge:lead:${sourceId}`,
    });
    return { ok: true, result, survivor: survivorRow, source: sourceRow };
  });
}

/**
 * Merges buyer `sourceId` into buyer `survivorId` in one transaction, as `mergeLeadRecords` does
 * for leads: tasks (open automatic ones cancelled), offers, deals, notes, documents, e-mails and
 * favorites move; empty fields and an empty buy box are filled (with the market rows), but for a
 * bound that would cross the survivor's other one (a min price above its max price); the source is
 * archived with `mergedIntoId`; `buyer.merged` and `buyer.merged_into` events.
 */
export async function mergeBuyerRecords(db: Db, { survivorId, sourceId, actorId, now = new Date() }: { survivorId: string; sourceId: string; actorId: string; now?: Date }): Promise<MergeWrite<BuyerRow>> {
  return db.$transaction(async (tx) => {
    const [survivor, source] = await Promise.all([tx.buyer.findUniqueOrThrow({ where: { id: survivorId } }), tx.buyer.findUniqueOrThrow({ where: { id: sourceId } })]);
    const check = checkMerge('buyer', survivor, source);
    if (!check.ok) return { ok: false, refusal: check };

    const cancelledTaskIds = await cancelAutomaticTasks(tx, { buyerId: sourceId });
    const from = { buyerId: sourceId };
    const to = { buyerId: survivorId };
    const moved = {
      // The cancelled automatic tasks stay where they were made (their keys are the source's).
      tasks: (await tx.task.updateMany({ where: { ...from, id: { notIn: cancelledTaskIds } }, data: to })).count,
      offers: (await tx.offer.updateMany({ where: from, data: to })).count,
      notes: (await tx.note.updateMany({ where: from, data: to })).count,
      documents: (await tx.document.updateMany({ where: from, data: to })).count,
      calls: 0,
      favorites: await moveFavorites(tx, 'buyer', sourceId, survivorId),
    };
    await tx.deal.updateMany({ where: from, data: to });
    await tx.emailMessage.updateMany({ where: from, data: to });

    // A bound filled from the source never crosses the survivor's other bound (a min price above its max price).
    const fill: Record<string, unknown> = { ...dropCrossedBounds(survivor, fillEmptyFields(survivor, source, BUYER_FILLABLE), BUY_BOX_BOUNDS) };
    for (const list of BUYER_LISTS) {
      if (parseList(survivor[list]).length === 0 && parseList(source[list]).length > 0) fill[list] = source[list];
    }
    if (!survivor.cashBuyer && source.cashBuyer) fill.cashBuyer = true;
    const filled = Object.keys(fill);
    const contact = { email: (fill.email as string | undefined) ?? survivor.email, phone: (fill.phone as string | undefined) ?? survivor.phone };
    const survivorRow = await tx.buyer.update({ where: { id: survivorId }, data: { ...fill, ...buyerKeyData(contact) } });
    if (fill.markets !== undefined || fill.propertyTypes !== undefined) await replaceBuyerMarkets(tx, survivorRow);
    const sourceRow = await tx.buyer.update({ where: { id: sourceId }, data: { archivedAt: now, mergedIntoId: survivorId } });

    const result: MergeResult = { survivorId, sourceId, moved, cancelledTaskIds, filled };
    await recordEvent(tx, { entityType: 'buyer', entityId: sourceId, action: 'merged_into', entity: { ...toBuyerJson(sourceRow), survivorId, survivorName: survivor.name }, actorId });
    await recordEvent(tx, {
      entityType: 'buyer',
      entityId: survivorId,
      action: 'merged',
      entity: { ...toBuyerJson(survivorRow), sourceId, sourceName: source.name, moved, filled, cancelledTaskIds },
      actorId,
      dedupeKey: `merge:buyer:${sourceId}`,
    });
    return { ok: true, result, survivor: survivorRow, source: sourceRow };
  });
}
