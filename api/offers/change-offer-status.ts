import { checkOfferMove, type OfferStatus } from '../../domain/offers/offer.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { toOfferJson, type OfferJson } from '../../db/rows';
import { changeOfferStatusUpdate } from '../../workflows/offers/offer.messages';
import { AppError } from '../errors';
import type { TemporalDeps } from '../temporal/client';
import { updateWithStart } from '../temporal/update-with-start';
import { offerWorkflowStart } from '../temporal/workflow-starts';
import { findOfferToChange } from './find-offer-to-change';

/** Sends an offer status change to `offer-<id>`, starting the workflow when it is not running. */
export async function changeOfferStatus(deps: TemporalDeps & { db: Db }, offerId: string, status: OfferStatus, actor: PublicUser): Promise<OfferJson> {
  const offer = await findOfferToChange(deps.db, offerId, actor, 'update');
  // An accepted offer's workflow has ended: a move its kind never allows is refused here, without a new run.
  const move = checkOfferMove(offer.kind === 'BUYER' ? 'BUYER' : 'PURCHASE', offer.status as OfferStatus, status);
  if (!move.ok && offer.status === 'ACCEPTED') throw new AppError('CONFLICT', move.reason);
  const start = offerWorkflowStart({ offerId, status: offer.status as OfferStatus, expiresAt: offer.expiresAt?.toISOString() ?? null });
  await updateWithStart(deps, start, changeOfferStatusUpdate, { status, actorId: actor.id });
  return toOfferJson(await deps.db.offer.findUniqueOrThrow({ where: { id: offerId } }));
}
