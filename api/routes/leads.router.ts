import { Router } from 'express';
import { withMao } from '../../domain/deals/deal-math';
import { changeLeadStatusInputSchema, createLeadInputSchema, listLeadsQuerySchema, updateLeadInputSchema, type Lead, type LeadRecord } from '../../domain/leads/lead.schema';
import type { Db } from '../../db/client';
import { findMatchingBuyers } from '../../db/queries/find-matches';
import { toBuyerJson, toLeadJson } from '../../db/rows';
import { currentUser } from '../auth/require-user';
import { AppError } from '../errors';
import { changeLeadStatus } from '../leads/change-lead-status';
import { createLead, type CreateLeadDeps } from '../leads/create-lead';
import { listLeads } from '../leads/list-leads';
import { archiveLead, updateLead } from '../leads/update-lead';
import type { DealMathCache } from '../settings/deal-math-cache';
import { parseInput } from '../validate';

export function createLeadsRouter(deps: CreateLeadDeps & { db: Db; dealMath: DealMathCache }) {
  const router = Router();
  // Every lead the API answers carries its MAO under the current deal math.
  const priced = async (lead: LeadRecord): Promise<Lead> => withMao(lead, await deps.dealMath.get());

  router.post('/', async (req, res) => {
    const input = parseInput(createLeadInputSchema, req.body);
    res.status(201).json(await priced(await createLead(deps, input, currentUser(res))));
  });

  router.get('/', async (req, res) => {
    res.json(await listLeads(deps.db, parseInput(listLeadsQuerySchema, req.query, 'query'), await deps.dealMath.get()));
  });

  router.patch('/:id', async (req, res) => {
    const input = parseInput(updateLeadInputSchema, req.body);
    res.json(await priced(await updateLead(deps.db, req.params.id, input, currentUser(res))));
  });

  router.post('/:id/archive', async (req, res) => {
    res.json(await priced(await archiveLead(deps.db, req.params.id, currentUser(res))));
  });

  router.post('/:id/status', async (req, res) => {
    const input = parseInput(changeLeadStatusInputSchema, req.body);
    res.json(await priced(await changeLeadStatus(deps, req.params.id, input, currentUser(res))));
  });

  router.get('/:id/matches', async (req, res) => {
    const lead = await deps.db.lead.findUnique({ where: { id: req.params.id } });
    if (!lead || lead.archivedAt) throw new AppError('NOT_FOUND', `Lead ${req.params.id} does not exist`);
    const matches = await findMatchingBuyers(deps.db, lead, await deps.dealMath.get());
    res.json({ items: matches.map(({ item, score, reasons }) => ({ buyer: toBuyerJson(item), score, reasons })) });
  });

  router.get('/:id', async (req, res) => {
    const lead = await deps.db.lead.findUnique({ where: { id: req.params.id } });
    if (!lead) throw new AppError('NOT_FOUND', `Lead ${req.params.id} does not exist`);
    res.json(await priced(toLeadJson(lead)));
  });

  return router;
}
