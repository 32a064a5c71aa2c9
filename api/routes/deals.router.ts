import { Router } from 'express';
import { z } from 'zod';
import { pageQueryFields } from '../../domain/validation/fields';
import type { Db } from '../../db/client';
import { pageArgs, toPage } from '../paginate';
import { parseInput } from '../validate';

const listDealsQuerySchema = z.object({
  closed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQueryFields,
});

export function createDealsRouter({ db }: { db: Db }) {
  const router = Router();
  router.get('/', async (req, res) => {
    const { closed, limit, cursor } = parseInput(listDealsQuerySchema, req.query, 'query');
    const rows = await db.deal.findMany({
      where: closed === undefined ? {} : { closedAt: closed ? { not: null } : null },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...pageArgs(limit, cursor),
      include: { lead: { select: { sellerName: true, street: true, city: true } }, buyer: { select: { name: true } } },
    });
    res.json(
      toPage(rows, limit, (deal) => ({
        id: deal.id,
        leadId: deal.leadId,
        buyerId: deal.buyerId,
        purchasePrice: deal.purchasePrice,
        salePrice: deal.salePrice,
        assignmentFee: deal.assignmentFee,
        closedAt: deal.closedAt?.toISOString() ?? null,
        lead: deal.lead,
        buyerName: deal.buyer?.name ?? null,
      })),
    );
  });
  return router;
}
