import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { Db } from '../../db/client';
import { loadDealMath } from '../../db/writes/settings-store';

/**
 * The deal math every lead answer uses, read once and kept until settings change: lists and
 * details would otherwise read the Setting rows on every request.
 */
export function createDealMathCache(db: Db) {
  let current: Promise<DealMathSettings> | undefined;
  return {
    get(): Promise<DealMathSettings> {
      current ??= loadDealMath(db).catch((error: unknown) => {
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
export type DealMathCache = ReturnType<typeof createDealMathCache>;
