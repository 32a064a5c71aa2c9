import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../prisma/db';
import { parseInput } from '../validate';

const listDealsQuerySchema = z.object({
  closed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  cursor: z.string().min(1).optional(),
});

export function createDealsRouter({ db }: { db: Db }) {
  const router = Router();
  router.get('/', async (req, res) => {
    const { closed, limit, cursor } = parseInput(listDealsQuerySchema, req.query, 'query');
    const rows = await db.deal.findMany({
      where: closed === undefined ? {} : { closedAt: closed ? { not: null } : null },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: { lead: { select: { sellerName: true, street: true, city: true } }, buyer: { select: { name: true } } },
    });
    const page = rows.slice(0, limit);
    res.json({
      items: page.map((deal) => ({
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
      nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    });
  });
  return router;
}
