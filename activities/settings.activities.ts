import type { Deadlines } from '../domain/config/deadlines';
import type { Db } from '../db/client';
import { effectiveDeadlines, loadStoredSettings } from '../db/writes/settings-store';

/** Deadlines are the worker's configuration overridden by admins' Settings; workflows read them when they start a timer's cycle. */
export function createSettingsActivities({ db, deadlines }: { db: Db; deadlines: Deadlines }) {
  return {
    async getDeadlines(): Promise<Deadlines> {
      return effectiveDeadlines(deadlines, await loadStoredSettings(db));
    },
  };
}
export type SettingsActivities = ReturnType<typeof createSettingsActivities>;
