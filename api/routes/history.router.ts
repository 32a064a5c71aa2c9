import { Router } from 'express';
import { historyParamsSchema } from '../../domain/users/user-items.schema';
import type { Db } from '../../db/client';
import { listEntityHistory } from '../history/list-entity-history';
import { parseInput } from '../validate';

/** An entity's history timeline, from its Event rows, oldest first. */
export function createHistoryRouter({ db }: { db: Db }) {
  const router = Router();
  router.get('/:entityType/:id', async (req, res) => {
    const { entityType, id } = parseInput(historyParamsSchema, req.params, 'params');
    res.json(await listEntityHistory(db, entityType, id));
  });
  return router;
}
