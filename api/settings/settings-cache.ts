import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { Db } from '../../db/client';
import { loadContactMs } from '../../db/writes/lead-score';
import { loadDealMath } from '../../db/writes/settings-store';

/** A value read once and kept until forgotten; a failed read is not kept. */
function cachedRead<T>(read: () => Promise<T>) {
  let current: Promise<T> | undefined;
  return {
    get(): Promise<T> {
      current ??= read().catch((error: unknown) => {
        current = undefined;
        throw error;
      });
      return current;
    },
    forget(): void {
      current = undefined;
    },
  };
}

/**
 * The settings hot reads use — the deal math of every lead answer, the contact deadline of the call
 * queue — read once and kept until settings change (`forget` on a `setting.*` event): lists,
 * details and the queue would otherwise read the Setting rows on every request.
 */
export function createSettingsCache(db: Db) {
  const dealMath = cachedRead<DealMathSettings>(() => loadDealMath(db));
  const contactMs = cachedRead<number>(() => loadContactMs(db));
  return {
    get: dealMath.get,
    contactMs: contactMs.get,
    forget(): void {
      dealMath.forget();
      contactMs.forget();
    },
  };
}
export type SettingsCache = ReturnType<typeof createSettingsCache>;
