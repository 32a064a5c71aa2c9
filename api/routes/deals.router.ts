import { Router } from 'express';
import { listDealsQuerySchema } from '../../domain/deals/deal.schema';
import type { Db } from '../../db/client';
import { listDeals } from '../deals/list-deals';
import { parseInput } from '../validate';

export function createDealsRouter({ db }: { db: Db }) {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await listDeals(db, parseInput(listDealsQuerySchema, req.query, 'query')));
  });
  return router;
}
