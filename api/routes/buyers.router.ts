import { Router } from 'express';
import {
  changeBuyerStatusInputSchema,
  createBuyerInputSchema,
  listBuyersQuerySchema,
  normalizeMarket,
  updateBuyerInputSchema,
} from '../../domain/buyers/buyer.schema';
import { withMao } from '../../domain/deals/deal-math';
import type { Prisma } from '../../db/client';
import { findMatchingLeads } from '../../db/queries/find-matches';
import { recordEvent } from '../../db/writes/record-event';
import { toBuyerJson, toLeadJson } from '../../db/rows';
import { currentUser } from '../auth/require-user';
import { createBuyer, updateBuyer, type BuyerDeps } from '../buyers/buyer-store';
import { changeBuyerStatus } from '../buyers/change-buyer-status';
import { AppError } from '../errors';
import { pageArgs, projectFields, toPage } from '../paginate';
import type { DealMathCache } from '../settings/deal-math-cache';
import { parseInput } from '../validate';

export function createBuyersRouter(deps: BuyerDeps & { dealMath: DealMathCache }) {
  const { db } = deps;
  const router = Router();

  const findBuyer = async (id: string) => {
    const buyer = await db.buyer.findUnique({ where: { id } });
    if (!buyer || buyer.archivedAt) throw new AppError('NOT_FOUND', `Buyer ${id} does not exist`);
    return buyer;
  };

  router.post('/', async (req, res) => {
    const input = parseInput(createBuyerInputSchema, req.body);
    res.status(201).json(await createBuyer(deps, input, currentUser(res)));
  });

  router.get('/', async (req, res) => {
    const query = parseInput(listBuyersQuerySchema, req.query, 'query');
    const where: Prisma.BuyerWhereInput = {
      archivedAt: null,
      ...(query.status ? { status: query.status } : {}),
      ...(query.cash === undefined ? {} : { cashBuyer: query.cash }),
      ...(query.market ? { marketRows: { some: { market: normalizeMarket(query.market) } } } : {}),
      ...(query.propertyType ? { propertyTypes: { contains: `"${query.propertyType}"` } } : {}),
      ...(query.q ? { OR: [{ name: { contains: query.q } }, { company: { contains: query.q } }, { email: { contains: query.q } }] } : {}),
      ...(query.price === undefined
        ? {}
        : {
            AND: [
              { OR: [{ minPrice: null }, { minPrice: { lte: query.price } }] },
              { OR: [{ maxPrice: null }, { maxPrice: { gte: query.price } }] },
            ],
          }),
    };
    const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
    const rows = await db.buyer.findMany({
      where,
      orderBy: [{ [query.sort.replace(/^-/, '')]: direction }, { id: direction }],
      ...pageArgs(query.limit, query.cursor),
    });
    res.json(toPage(rows, query.limit, (row) => projectFields(toBuyerJson(row), query.fields)));
  });

  router.get('/:id', async (req, res) => {
    res.json(toBuyerJson(await findBuyer(req.params.id)));
  });

  router.patch('/:id', async (req, res) => {
    const input = parseInput(updateBuyerInputSchema, req.body);
    res.json(await updateBuyer(deps, req.params.id, input, currentUser(res)));
  });

  router.post('/:id/status', async (req, res) => {
    const { status } = parseInput(changeBuyerStatusInputSchema, req.body);
    res.json(await changeBuyerStatus(deps, req.params.id, status, currentUser(res)));
  });

  router.post('/:id/archive', async (req, res) => {
    const buyer = await findBuyer(req.params.id);
    const archived = await db.$transaction(async (tx) => {
      const row = await tx.buyer.update({ where: { id: buyer.id }, data: { archivedAt: new Date() } });
      await recordEvent(tx, { entityType: 'buyer', entityId: buyer.id, action: 'archived', entity: toBuyerJson(row), actorId: currentUser(res).id });
      return row;
    });
    res.json(toBuyerJson(archived));
  });

  router.get('/:id/matches', async (req, res) => {
    const dealMath = await deps.dealMath.get();
    const matches = await findMatchingLeads(db, await findBuyer(req.params.id), dealMath);
    res.json({ items: matches.map(({ item, score, reasons }) => ({ lead: withMao(toLeadJson(item), dealMath), score, reasons })) });
  });

  return router;
}
