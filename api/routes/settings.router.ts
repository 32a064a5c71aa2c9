import { Router } from 'express';
import type { Deadlines } from '../../domain/config/deadlines';
import { updateSettingsInputSchema } from '../../domain/settings/settings.schema';
import type { Db } from '../../db/client';
import { requireAdmin } from '../auth/require-admin';
import { currentUser } from '../auth/require-user';
import { getSettings } from '../settings/get-settings';
import { updateSettings } from '../settings/update-settings';
import { parseInput } from '../validate';

/** Everyone reads the automation durations and deal math; only admins change them (new timers use them). */
export function createSettingsRouter(deps: { db: Db; deadlines: Deadlines; onChange: () => void }) {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json(await getSettings(deps.db, deps.deadlines));
  });

  router.patch('/', requireAdmin('change settings'), async (req, res) => {
    const input = parseInput(updateSettingsInputSchema, req.body);
    res.json(await updateSettings(deps, input, currentUser(res)));
  });

  return router;
}
