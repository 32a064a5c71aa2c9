import type { Deadlines } from '../domain/config/deadlines';

/** Deadlines come from the worker's configuration; workflows read them once, at start. */
export function createSettingsActivities({ deadlines }: { deadlines: Deadlines }) {
  return {
    async getDeadlines(): Promise<Deadlines> {
      return deadlines;
    },
  };
}
export type SettingsActivities = ReturnType<typeof createSettingsActivities>;
