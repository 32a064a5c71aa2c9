import type { Deadlines } from '../../domain/config/deadlines';
import { DEADLINE_KEYS, formatDuration, type SettingsView } from '../../domain/settings/settings.schema';
import type { Db } from '../../db/client';
import { effectiveCallSettings, effectiveDealMath, effectiveDeadlines, loadStoredSettings } from '../../db/writes/settings-store';

/** The automation durations in force (the configured ones, overridden by admins' changes), the deal math and the call rules. */
export async function getSettings(db: Db, deadlines: Deadlines): Promise<SettingsView> {
  const stored = await loadStoredSettings(db);
  const effective = effectiveDeadlines(deadlines, stored);
  return {
    deadlines: Object.fromEntries(DEADLINE_KEYS.map((key) => [key, formatDuration(effective[key])])) as SettingsView['deadlines'],
    dealMath: effectiveDealMath(stored),
    calls: effectiveCallSettings(stored),
  };
}
