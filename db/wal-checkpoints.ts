import type Database from 'better-sqlite3';

/** How often a connection whose commits do not checkpoint checkpoints the WAL itself. */
export const TIMED_CHECKPOINT_EVERY_MS = 30_000;

/**
 * Turns `connection`'s own checkpoints off its commits: SQLite checkpoints at the commit that fills
 * the WAL past 1,000 pages, in the committing thread, and in the API that commit took 5–25 ms
 * (copying pages and syncing the file) while the thread answered nothing and streamed no event.
 * The worker's commits still checkpoint (it writes most, and between its own transactions, so
 * each checkpoint completes and the WAL starts over). A PASSIVE checkpoint every `everyMs` here
 * keeps the WAL bounded while no other process writes; when one does, it finds little or nothing
 * left to copy. (A thread of its own checkpointing every 250 ms was tried: racing a busy writer
 * it never completed, the WAL never started over, and a 20,000-row import took 16 s instead of 12.)
 * Returns the function that stops the timer.
 */
export function checkpointOnTimer(connection: Database.Database, everyMs = TIMED_CHECKPOINT_EVERY_MS): () => void {
  connection.pragma('wal_autocheckpoint = 0');
  const timer = setInterval(() => {
    // A transaction of this process holds the connection between its awaits: the next tick checkpoints.
    if (connection.inTransaction) return;
    try {
      connection.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // Another process's checkpoint is running (it does the work), or the database is unreachable
      // (every request says so): never a reason to stop the process.
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') console.warn('WAL checkpoint skipped:', error instanceof Error ? error.message : error);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
