import { Router } from 'express';
import { withMao } from '../../domain/deals/deal-math';
import { bulkLeadInputSchema, changeLeadStatusInputSchema, createLeadInputSchema, listLeadsQuerySchema, updateLeadInputSchema, type Lead, type LeadRecord } from '../../domain/leads/lead.schema';
import type { Deadlines } from '../../domain/config/deadlines';
import type { Db } from '../../db/client';
import type { ChangeMark } from '../change-mark';
import { currentUser } from '../auth/require-user';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { logCallInputSchema } from '../../domain/calls/call.schema';
import { logCall } from '../calls/log-call';
import { archiveLead, unarchiveLead } from '../leads/archive-lead';
import { bulkReassignLeads } from '../leads/bulk-reassign-leads';
import { changeLeadStatus } from '../leads/change-lead-status';
import { createLead } from '../leads/create-lead';
import { exportLeads } from '../leads/export-leads';
import { getLead } from '../leads/get-lead';
import { listLeadDuplicates } from '../leads/list-lead-duplicates';
import { listLeadMatches } from '../leads/list-lead-matches';
import { leadMatchesQuerySchema } from '../../domain/buyers/buyer-match.schema';
import { mergeLeads } from '../leads/merge-leads';
import { mergeInputSchema } from '../../domain/merge/merge-records';
import { listLeads } from '../leads/list-leads';
import { updateLead } from '../leads/update-lead';
import { createRecentResults, MATCH_ANSWERS_KEPT, matchAnswerKey } from '../reports/recent-results';
import type { SettingsCache } from '../settings/settings-cache';
import type { TemporalDeps } from '../temporal/client';
import { parseInput } from '../validate';
import { readIfMatch, setEtag } from '../record-version';

export function createLeadsRouter(deps: TemporalDeps & { db: Db; settings: SettingsCache; changeMark: ChangeMark; deadlines: Deadlines }) {
  const router = Router();
  // Matching reads and scores hundreds of buy boxes; a lead page and every viewer's refetch ask for the same answer, kept as its JSON.
  const recentMatches = createRecentResults<string>(deps.changeMark, MATCH_ANSWERS_KEPT);
  // Every lead the API answers carries its MAO under the current deal math.
  const priced = async (lead: LeadRecord): Promise<Lead> => withMao(lead, await deps.settings.get());

  router.post('/', idempotentCreate(deps.db, async (req, res, claim) => {
    const input = parseInput(createLeadInputSchema, req.body);
    return createLead(deps, input, currentUser(res), claim);
  }, priced));

  router.get('/', async (req, res) => {
    res.json(await listLeads(deps.db, parseInput(listLeadsQuerySchema, req.query, 'query'), await deps.settings.get()));
  });

  // Before `/:id`, so `export.csv` is not read as an id.
  router.get('/export.csv', async (req, res) => {
    await exportLeads(deps.db, parseInput(listLeadsQuerySchema, req.query, 'query'), currentUser(res), await deps.settings.get(), res);
  });

  router.post('/bulk', async (req, res) => {
    const { results } = await bulkReassignLeads(deps, parseInput(bulkLeadInputSchema, req.body), currentUser(res));
    const dealMath = await deps.settings.get();
    res.json({ results: results.map((result) => (result.ok ? { ...result, lead: withMao(result.lead, dealMath) } : result)) });
  });

  router.patch('/:id', async (req, res) => {
    const input = parseInput(updateLeadInputSchema, req.body);
    const lead = await updateLead(deps, req.params.id, input, currentUser(res), readIfMatch(req));
    setEtag(res, lead.updatedAt);
    res.json(await priced(lead));
  });

  router.post('/:id/archive', async (req, res) => {
    res.json(await priced(await archiveLead(deps, req.params.id, currentUser(res))));
  });

  router.post('/:id/unarchive', async (req, res) => {
    res.json(await priced(await unarchiveLead(deps, req.params.id, currentUser(res))));
  });

  router.post('/:id/status', async (req, res) => {
    const input = parseInput(changeLeadStatusInputSchema, req.body);
    res.json(await priced(await changeLeadStatus(deps, req.params.id, input, currentUser(res))));
  });

  router.post('/:id/calls', async (req, res) => {
    const input = parseInput(logCallInputSchema, req.body);
    res.status(201).json(await logCall(deps, req.params.id, input, currentUser(res)));
  });

  router.get('/:id/duplicates', async (req, res) => {
    res.json(await listLeadDuplicates(deps.db, req.params.id));
  });

  router.post('/:id/merge', async (req, res) => {
    const { lead, merge } = await mergeLeads(deps, req.params.id, parseInput(mergeInputSchema, req.body), currentUser(res));
    res.json({ lead: await priced(lead), merge });
  });

  router.get('/:id/matches', async (req, res) => {
    const leadId = req.params.id;
    const { fields } = parseInput(leadMatchesQuerySchema, req.query, 'query');
    res.type('json').send(await recentMatches(matchAnswerKey(leadId, fields), async () => JSON.stringify(await listLeadMatches(deps.db, leadId, await deps.settings.get(), fields))));
  });

  router.get('/:id', async (req, res) => {
    const lead = await getLead(deps.db, req.params.id);
    setEtag(res, lead.updatedAt);
    res.json(await priced(lead));
  });

  return router;
}
