import { Router } from 'express';
import { z } from 'zod';
import { pageQueryFields } from '../../domain/validation/fields';
import type { Db } from '../../db/client';
import { listDeals } from '../deals/list-deals';
import { parseInput } from '../validate';

const listDealsQuerySchema = z.object({
  closed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQueryFields,
});

export function createDealsRouter({ db }: { db: Db }) {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await listDeals(db, parseInput(listDealsQuerySchema, req.query, 'query')));
  });
  return router;
}
