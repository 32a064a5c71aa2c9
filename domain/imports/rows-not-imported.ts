import type { ImportStatus } from './import-fields';

/**
 * The rows of a file an import stopped before (cancelled, or failed): `total − processed` once it
 * has ended so, else 0 (a running import's rest is still to come, a completed one read them all).
 * With it the counts always add up: created + duplicates + errors + notImported = total.
 */
export function rowsNotImported({ status, total, processed }: { status: ImportStatus; total: number; processed: number }): number {
  return status === 'CANCELLED' || status === 'FAILED' ? Math.max(0, total - processed) : 0;
}
