import { Router } from 'express';
import { changeBuyerStatusInputSchema, createBuyerInputSchema, listBuyersQuerySchema, updateBuyerInputSchema } from '../../domain/buyers/buyer.schema';
import { sendMatchesInputSchema } from '../../domain/email/email-message.schema';
import type { Db } from '../../db/client';
import type { ChangeMark } from '../change-mark';
import { currentUser } from '../auth/require-user';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { archiveBuyer, unarchiveBuyer } from '../buyers/archive-buyer';
import { changeBuyerStatus } from '../buyers/change-buyer-status';
import { createBuyer } from '../buyers/create-buyer';
import { exportBuyers } from '../buyers/export-buyers';
import { getBuyer } from '../buyers/get-buyer';
import { listBuyerDuplicates } from '../buyers/list-buyer-duplicates';
import { listBuyerMatches } from '../buyers/list-buyer-matches';
import { buyerMatchesQuerySchema } from '../../domain/buyers/buyer-match.schema';
import { mergeBuyers } from '../buyers/merge-buyers';
import { mergeInputSchema } from '../../domain/merge/merge-records';
import { listBuyers } from '../buyers/list-buyers';
import { updateBuyer } from '../buyers/update-buyer';
import { sendBuyerMatches } from '../email/send-buyer-matches';
import { createRecentResults, MATCH_ANSWERS_KEPT, matchAnswerKey } from '../reports/recent-results';
import type { SettingsCache } from '../settings/settings-cache';
import type { TemporalDeps } from '../temporal/client';
import { parseInput } from '../validate';
import { readIfMatch, setEtag } from '../record-version';

export function createBuyersRouter(deps: TemporalDeps & { db: Db; settings: SettingsCache; changeMark: ChangeMark; appUrl: string; documentsDir: string }) {
  const { db } = deps;
  const router = Router();
  const recentMatches = createRecentResults<string>(deps.changeMark, MATCH_ANSWERS_KEPT);

  router.post('/', idempotentCreate(db, async (req, res, claim) => {
    const input = parseInput(createBuyerInputSchema, req.body);
    return createBuyer(deps, input, currentUser(res), claim);
  }));

  router.get('/', async (req, res) => {
    res.json(await listBuyers(db, parseInput(listBuyersQuerySchema, req.query, 'query')));
  });

  // Before `/:id`, so `export.csv` is not read as an id.
  router.get('/export.csv', async (req, res) => {
    await exportBuyers(db, parseInput(listBuyersQuerySchema, req.query, 'query'), currentUser(res), res);
  });

  router.get('/:id', async (req, res) => {
    const buyer = await getBuyer(db, req.params.id);
    setEtag(res, buyer.updatedAt);
    res.json(buyer);
  });

  router.patch('/:id', async (req, res) => {
    const input = parseInput(updateBuyerInputSchema, req.body);
    const buyer = await updateBuyer(deps, req.params.id, input, currentUser(res), readIfMatch(req));
    setEtag(res, buyer.updatedAt);
    res.json(buyer);
  });

  router.post('/:id/status', async (req, res) => {
    const { status } = parseInput(changeBuyerStatusInputSchema, req.body);
    res.json(await changeBuyerStatus(deps, req.params.id, status, currentUser(res)));
  });

  router.post('/:id/archive', async (req, res) => {
    res.json(await archiveBuyer(deps, req.params.id, currentUser(res)));
  });

  router.post('/:id/unarchive', async (req, res) => {
    res.json(await unarchiveBuyer(deps, req.params.id, currentUser(res)));
  });

  router.get('/:id/duplicates', async (req, res) => {
    res.json(await listBuyerDuplicates(db, req.params.id));
  });

  router.post('/:id/merge', async (req, res) => {
    res.json(await mergeBuyers(deps, req.params.id, parseInput(mergeInputSchema, req.body), currentUser(res)));
  });

  router.get('/:id/matches', async (req, res) => {
    const buyerId = req.params.id;
    const { fields } = parseInput(buyerMatchesQuerySchema, req.query, 'query');
    res.type('json').send(await recentMatches(matchAnswerKey(buyerId, fields), async () => JSON.stringify(await listBuyerMatches(db, buyerId, await deps.settings.get(), fields))));
  });

  router.post('/:id/send-matches', async (req, res) => {
    const input = parseInput(sendMatchesInputSchema, req.body ?? {});
    const result = await sendBuyerMatches({ ...deps, dealMath: deps.settings.get }, req.params.id, input, currentUser(res));
    res.status(202).json(result);
  });

  return router;
}
