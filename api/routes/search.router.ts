import { Router } from 'express';
import { searchQuerySchema } from '../../domain/search/search.schema';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { searchRecords } from '../search/search-records';
import { parseInput } from '../validate';

/** Find anything: `GET /api/search?q=` over leads, buyers and tasks. */
export function createSearchRouter({ db }: { db: Db }) {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await searchRecords(db, currentUser(res), parseInput(searchQuerySchema, req.query, 'query')));
  });
  return router;
}
