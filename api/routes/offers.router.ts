import { Router } from 'express';
import { changeOfferStatusInputSchema, createOfferInputSchema, listOffersQuerySchema, updateOfferInputSchema } from '../../domain/offers/offer.schema';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { archiveOffer } from '../offers/archive-offer';
import { changeOfferStatus } from '../offers/change-offer-status';
import { createOffer } from '../offers/create-offer';
import { getOffer } from '../offers/get-offer';
import { listOffers } from '../offers/list-offers';
import { updateOffer } from '../offers/update-offer';
import type { TemporalDeps } from '../temporal/client';
import { parseInput } from '../validate';

export function createOffersRouter(deps: TemporalDeps & { db: Db }) {
  const { db } = deps;
  const router = Router();

  router.post('/', idempotentCreate(db, async (req, res, claim) => {
    const input = parseInput(createOfferInputSchema, req.body);
    return createOffer(deps, input, currentUser(res), claim);
  }));

  router.get('/', async (req, res) => {
    res.json(await listOffers(db, parseInput(listOffersQuerySchema, req.query, 'query')));
  });

  router.get('/:id', async (req, res) => {
    res.json(await getOffer(db, req.params.id));
  });

  router.patch('/:id', async (req, res) => {
    const input = parseInput(updateOfferInputSchema, req.body);
    res.json(await updateOffer(db, req.params.id, input, currentUser(res)));
  });

  router.post('/:id/archive', async (req, res) => {
    res.json(await archiveOffer(db, req.params.id, currentUser(res)));
  });

  router.post('/:id/status', async (req, res) => {
    const { status } = parseInput(changeOfferStatusInputSchema, req.body);
    res.json(await changeOfferStatus(deps, req.params.id, status, currentUser(res)));
  });

  return router;
}
