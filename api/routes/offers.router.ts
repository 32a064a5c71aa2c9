import { Router } from 'express';
import { changeOfferStatusInputSchema, createOfferInputSchema, listOffersQuerySchema, updateOfferInputSchema } from '../../domain/offers/offer.schema';
import { toOfferJson } from '../../db/rows';
import { currentUser } from '../auth/require-user';
import { AppError } from '../errors';
import { archiveOffer, changeOfferStatus, createOffer, updateOffer, type OfferDeps } from '../offers/offer-store';
import { pageArgs, projectFields, toPage } from '../paginate';
import { parseInput } from '../validate';

export function createOffersRouter(deps: OfferDeps) {
  const { db } = deps;
  const router = Router();

  router.post('/', async (req, res) => {
    const input = parseInput(createOfferInputSchema, req.body);
    res.status(201).json(await createOffer(deps, input, currentUser(res)));
  });

  router.get('/', async (req, res) => {
    const { leadId, buyerId, status, fields, limit, cursor } = parseInput(listOffersQuerySchema, req.query, 'query');
    const rows = await db.offer.findMany({
      where: { archivedAt: null, ...(leadId ? { leadId } : {}), ...(buyerId ? { buyerId } : {}), ...(status ? { status } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...pageArgs(limit, cursor),
    });
    res.json(toPage(rows, limit, (row) => projectFields(toOfferJson(row), fields)));
  });

  router.get('/:id', async (req, res) => {
    const offer = await db.offer.findUnique({ where: { id: req.params.id } });
    if (!offer || offer.archivedAt) throw new AppError('NOT_FOUND', `Offer ${req.params.id} does not exist`);
    res.json(toOfferJson(offer));
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
