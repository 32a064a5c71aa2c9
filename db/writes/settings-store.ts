import { CALL_RETRY_DELAYS, DEFAULT_CALL_RETRY_DELAY } from '../../domain/calls/next-call-attempt';
import type { Deadlines } from '../../domain/config/deadlines';
import { DEFAULT_DEAL_MATH_SETTINGS, type DealMathSettings } from '../../domain/deals/deal-math';
import { boundedStoredDeadline, DEADLINE_KEYS, type CallSettings, type StoredSettings, type UpdateSettingsInput } from '../../domain/settings/settings.schema';
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../client';
import { readRows } from '../read-rows';
import { recordEvent } from './record-event';

const KEYS = ['deadlines', 'dealMath', 'calls'] as const;

/** What admins changed in Settings; anything absent keeps the configured default. */
export async function loadStoredSettings(db: Db | Prisma.TransactionClient): Promise<StoredSettings> {
  const rows = await readRows<{ key: string; value: string }>(db, Prisma.sql`SELECT "key", "value" FROM "Setting" WHERE "key" IN (${Prisma.join([...KEYS])})`);
  const value = (key: (typeof KEYS)[number]) => JSON.parse(rows.find((row) => row.key === key)?.value ?? '{}') as object;
  return { deadlines: value('deadlines'), dealMath: value('dealMath'), calls: value('calls') };
}

export function effectiveDeadlines(base: Deadlines, stored: StoredSettings): Deadlines {
  const effective = { ...base };
  for (const key of DEADLINE_KEYS) {
    const bounded = boundedStoredDeadline(key, stored.deadlines[key]);
    if (bounded !== undefined) effective[key] = bounded;
  }
  return effective;
}

export function effectiveDealMath(stored: StoredSettings): DealMathSettings {
  return { ...DEFAULT_DEAL_MATH_SETTINGS, ...stored.dealMath };
}

/** The call rules in force: the stored choice when it is one we know, else the next business day. */
export function effectiveCallSettings(stored: StoredSettings): CallSettings {
  const retryDelay = stored.calls.retryDelay;
  return { retryDelay: retryDelay !== undefined && CALL_RETRY_DELAYS.includes(retryDelay) ? retryDelay : DEFAULT_CALL_RETRY_DELAY };
}

export async function loadDealMath(db: Db): Promise<DealMathSettings> {
  return effectiveDealMath(await loadStoredSettings(db));
}

/** Merges an admin's change into the stored settings, with its `setting.updated` event. */
export async function saveSettings(db: Db, patch: UpdateSettingsInput, actorId: string): Promise<StoredSettings> {
  return db.$transaction(async (tx) => {
    const stored = await loadStoredSettings(tx);
    const next: StoredSettings = {
      deadlines: { ...stored.deadlines, ...patch.deadlines },
      dealMath: { ...stored.dealMath, ...patch.dealMath },
      calls: { ...stored.calls, ...patch.calls },
    };
    for (const key of KEYS) {
      const value = JSON.stringify(next[key]);
      await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    await recordEvent(tx, { entityType: 'setting', entityId: 'settings', action: 'updated', entity: next, actorId });
    return next;
  });
}
