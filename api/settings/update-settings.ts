import type { Deadlines } from '../../domain/config/deadlines';
import type { SettingsView, UpdateSettingsInput } from '../../domain/settings/settings.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { saveSettings } from '../../db/writes/settings-store';
import { getSettings } from './get-settings';

/** An admin's change: new timers use the new durations, and `onChange` drops the cached deal math. */
export async function updateSettings(
  { db, deadlines, onChange }: { db: Db; deadlines: Deadlines; onChange: () => void },
  input: UpdateSettingsInput,
  user: PublicUser,
): Promise<SettingsView> {
  await saveSettings(db, input, user.id);
  onChange();
  return getSettings(db, deadlines);
}
