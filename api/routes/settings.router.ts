import { Router } from 'express';
import type { Deadlines } from '../../domain/config/deadlines';
import { DEADLINE_KEYS, formatDuration, updateSettingsInputSchema, type SettingsView } from '../../domain/settings/settings.schema';
import type { Db } from '../../db/client';
import { effectiveDealMath, effectiveDeadlines, loadStoredSettings, saveSettings } from '../../db/writes/settings-store';
import { currentUser } from '../auth/require-user';
import { AppError } from '../errors';
import { parseInput } from '../validate';

/** Everyone reads the automation durations and deal math; only admins change them (new timers use them). */
export function createSettingsRouter({ db, deadlines, onChange }: { db: Db; deadlines: Deadlines; onChange: () => void }) {
  const router = Router();
  const view = async (): Promise<SettingsView> => {
    const stored = await loadStoredSettings(db);
    const effective = effectiveDeadlines(deadlines, stored);
    return {
      deadlines: Object.fromEntries(DEADLINE_KEYS.map((key) => [key, formatDuration(effective[key])])) as SettingsView['deadlines'],
      dealMath: effectiveDealMath(stored),
    };
  };

  router.get('/', async (_req, res) => {
    res.json(await view());
  });

  router.patch('/', async (req, res) => {
    const user = currentUser(res);
    if (user.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only an admin can change settings');
    await saveSettings(db, parseInput(updateSettingsInputSchema, req.body), user.id);
    onChange();
    res.json(await view());
  });

  return router;
}
