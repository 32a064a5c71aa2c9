import { OPEN_OFFER_STATUSES, type CreateOfferInput, type OfferStatus, type UpdateOfferInput } from '../../domain/offers/offer.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toOfferJson, type OfferJson } from '../../db/rows';
import { changeOfferStatusUpdate } from '../../workflows/offers/offer.messages';
import { AppError } from '../errors';
import type { TemporalDeps } from '../temporal/client';
import { startOrLog, startWorkflow } from '../temporal/start-workflow';
import { updateWithStart } from '../temporal/update-with-start';
import { offerWorkflowStart } from '../temporal/workflow-starts';

export type OfferDeps = TemporalDeps & { db: Db };

/** Sends an offer status change to `offer-<id>`, starting the workflow when it is not running. */
export async function changeOfferStatus(deps: OfferDeps, offerId: string, status: OfferStatus, actor: PublicUser): Promise<OfferJson> {
  const offer = await deps.db.offer.findUnique({ where: { id: offerId } });
  if (!offer || offer.archivedAt) throw new AppError('NOT_FOUND', `Offer ${offerId} does not exist`);
  const start = offerWorkflowStart({ offerId, status: offer.status as OfferStatus, expiresAt: offer.expiresAt?.toISOString() ?? null });
  await updateWithStart(deps, start, changeOfferStatusUpdate, { status, actorId: actor.id });
  return toOfferJson(await deps.db.offer.findUniqueOrThrow({ where: { id: offerId } }));
}

/** Saves a DRAFT offer with its event and starts `offer-<id>`; `status: SENT` then sends it through the workflow. */
export async function createOffer(deps: OfferDeps, input: CreateOfferInput, actor: PublicUser): Promise<OfferJson> {
  const lead = await deps.db.lead.findUnique({ where: { id: input.leadId }, select: { archivedAt: true } });
  if (!lead || lead.archivedAt) throw new AppError('UNPROCESSABLE', 'leadId must name a lead', { leadId: 'must name a lead' });
  if (input.buyerId && !(await deps.db.buyer.findFirst({ where: { id: input.buyerId, archivedAt: null }, select: { id: true } }))) {
    throw new AppError('UNPROCESSABLE', 'buyerId must name a buyer', { buyerId: 'must name a buyer' });
  }
  if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) {
    throw new AppError('VALIDATION_FAILED', 'Invalid body: expiresAt must be in the future', { expiresAt: 'must be in the future' });
  }
  const { status, expiresAt, ...fields } = input;
  const offer = await deps.db.$transaction(async (tx) => {
    const created = await tx.offer.create({ data: { ...fields, expiresAt: expiresAt ? new Date(expiresAt) : null, createdById: actor.id } });
    await recordEvent(tx, { entityType: 'offer', entityId: created.id, action: 'created', entity: toOfferJson(created), actorId: actor.id });
    return created;
  });
  if (status === 'SENT') return changeOfferStatus(deps, offer.id, 'SENT', actor);
  // The draft is kept either way; its next status change starts the workflow (update-with-start).
  await startOrLog(`offer ${offer.id}`, () =>
    startWorkflow(deps, offerWorkflowStart({ offerId: offer.id, status: 'DRAFT', expiresAt: offer.expiresAt?.toISOString() ?? null })),
  );
  return toOfferJson(offer);
}

async function findOffer(db: Db, offerId: string) {
  const offer = await db.offer.findUnique({ where: { id: offerId } });
  if (!offer || offer.archivedAt) throw new AppError('NOT_FOUND', `Offer ${offerId} does not exist`);
  return offer;
}

/** New amount or terms while the offer is still negotiable; its status stays the workflow's. */
export async function updateOffer(db: Db, offerId: string, input: UpdateOfferInput, actor: PublicUser): Promise<OfferJson> {
  const offer = await findOffer(db, offerId);
  if (!OPEN_OFFER_STATUSES.includes(offer.status as OfferStatus)) throw new AppError('CONFLICT', `A ${offer.status} offer can no longer change`);
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.offer.update({ where: { id: offerId }, data: input });
    await recordEvent(tx, { entityType: 'offer', entityId: offerId, action: 'updated', entity: toOfferJson(row), actorId: actor.id });
    return row;
  });
  return toOfferJson(updated);
}

/** Hides a closed offer from lists; a live one must be withdrawn first. */
export async function archiveOffer(db: Db, offerId: string, actor: PublicUser): Promise<OfferJson> {
  const offer = await findOffer(db, offerId);
  if (OPEN_OFFER_STATUSES.includes(offer.status as OfferStatus)) throw new AppError('CONFLICT', 'Withdraw the offer before archiving it');
  const archived = await db.$transaction(async (tx) => {
    const row = await tx.offer.update({ where: { id: offerId }, data: { archivedAt: new Date() } });
    await recordEvent(tx, { entityType: 'offer', entityId: offerId, action: 'archived', entity: toOfferJson(row), actorId: actor.id });
    return row;
  });
  return toOfferJson(archived);
}
