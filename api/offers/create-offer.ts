import type { CreateOfferInput } from '../../domain/offers/offer.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { replaceIdempotentResult, saveIdempotentResult, type IdempotencyClaim } from '../../db/writes/idempotency-keys';
import { recordEvent } from '../../db/writes/record-event';
import { toOfferJson, type OfferJson } from '../../db/rows';
import { AppError } from '../errors';
import { assertPermission } from '../permissions/assert-permission';
import type { TemporalDeps } from '../temporal/client';
import { startRecordWorkflow } from '../temporal/start-record-workflow';
import { startOrLog } from '../temporal/start-workflow';
import { offerWorkflowStart } from '../temporal/workflow-starts';
import { changeOfferStatus } from './change-offer-status';

/** Saves a DRAFT offer with its event and starts `offer-<id>`; `status: SENT` then sends it through the workflow. */
export async function createOffer(deps: TemporalDeps & { db: Db }, input: CreateOfferInput, actor: PublicUser, claim?: IdempotencyClaim): Promise<OfferJson> {
  const lead = await deps.db.lead.findUnique({ where: { id: input.leadId }, select: { archivedAt: true, ownerId: true } });
  if (!lead || lead.archivedAt) throw new AppError('UNPROCESSABLE', 'Choose a lead that exists', { leadId: 'must name a lead' });
  assertPermission(actor, 'create', { type: 'offer', kind: input.kind, leadOwnerId: lead.ownerId, createdById: actor.id });
  if (input.buyerId && !(await deps.db.buyer.findFirst({ where: { id: input.buyerId, archivedAt: null }, select: { id: true } }))) {
    throw new AppError('UNPROCESSABLE', 'Choose a buyer that exists', { buyerId: 'must name a buyer' });
  }
  if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) {
    throw new AppError('VALIDATION_FAILED', 'Invalid body: Expiry must be in the future', { expiresAt: 'must be in the future' });
  }
  const { status, expiresAt, ...fields } = input;
  const offer = await deps.db.$transaction(async (tx) => {
    const created = await tx.offer.create({ data: { ...fields, expiresAt: expiresAt ? new Date(expiresAt) : null, createdById: actor.id } });
    await recordEvent(tx, { entityType: 'offer', entityId: created.id, action: 'created', entity: toOfferJson(created), actorId: actor.id });
    await saveIdempotentResult(tx, claim, toOfferJson(created));
    return created;
  });
  if (status === 'SENT') {
    const sent = await changeOfferStatus(deps, offer.id, 'SENT', actor);
    // A retry answers the sent offer; if the send fails, it answers the draft that was kept.
    await replaceIdempotentResult(deps.db, claim, sent);
    return sent;
  }
  // The draft is kept either way; if Temporal is down, the worker's reconciler (or its next status change) starts the workflow.
  await startOrLog(`offer ${offer.id}`, () =>
    startRecordWorkflow(deps, 'offer', offer.id, offerWorkflowStart({ offerId: offer.id, status: 'DRAFT', expiresAt: offer.expiresAt?.toISOString() ?? null })),
  );
  return toOfferJson(offer);
}
