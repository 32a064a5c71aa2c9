import { Router } from 'express';
import { z } from 'zod';
import { changeLeadStatusInputSchema, createLeadInputSchema } from '../../domain/leads/lead.schema';
import type { Db } from '../../prisma/db';
import { findMatchingBuyers } from '../../prisma/find-matches';
import { toBuyerJson, toLeadJson } from '../../prisma/to-json';
import { currentUser } from '../auth/require-user';
import { AppError } from '../errors';
import { changeLeadStatus } from '../leads/change-lead-status';
import { createLead, type CreateLeadDeps } from '../leads/create-lead';
import { parseInput } from '../validate';

const listLeadsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  cursor: z.string().min(1).optional(),
});

export function createLeadsRouter(deps: CreateLeadDeps & { db: Db }) {
  const router = Router();

  router.post('/', async (req, res) => {
    const input = parseInput(createLeadInputSchema, req.body);
    res.status(201).json(await createLead(deps, input, currentUser(res)));
  });

  router.get('/', async (req, res) => {
    const { limit, cursor } = parseInput(listLeadsQuerySchema, req.query, 'query');
    const rows = await deps.db.lead.findMany({
      where: { archivedAt: null },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, limit);
    res.json({ items: page.map(toLeadJson), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null });
  });

  router.post('/:id/status', async (req, res) => {
    const input = parseInput(changeLeadStatusInputSchema, req.body);
    res.json(await changeLeadStatus(deps, req.params.id, input, currentUser(res)));
  });

  router.get('/:id/matches', async (req, res) => {
    const lead = await deps.db.lead.findUnique({ where: { id: req.params.id } });
    if (!lead || lead.archivedAt) throw new AppError('NOT_FOUND', `Lead ${req.params.id} does not exist`);
    const matches = await findMatchingBuyers(deps.db, lead);
    res.json({ items: matches.map(({ item, score, reasons }) => ({ buyer: toBuyerJson(item), score, reasons })) });
  });

  router.get('/:id', async (req, res) => {
    const lead = await deps.db.lead.findUnique({ where: { id: req.params.id } });
    if (!lead) throw new AppError('NOT_FOUND', `Lead ${req.params.id} does not exist`);
    res.json(toLeadJson(lead));
  });

  return router;
}
