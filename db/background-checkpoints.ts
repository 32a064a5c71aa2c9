import { Worker } from 'node:worker_threads';

/** How often the thread copies the WAL's committed pages into the database file. */
export const CHECKPOINT_EVERY_MS = 250;

// CommonJS run by the thread (eval): a module file would have to be found beside a bundled program.
const THREAD_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0 });
setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Another checkpoint is running (the worker's, at its commit): this one waits for the next tick.
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error;
  }
}, workerData.everyMs);
`;

/**
 * Checkpoints the SQLite database at `databaseFile` from a thread of its own, every `everyMs`. A
 * connection checkpoints at the commit that fills the WAL past 1,000 pages (SQLite's default), in
 * the committing thread: that commit took 5–25 ms, copying pages and syncing the file, while the
 * API's one thread served nothing and streamed no event. The caller turns its own connection's
 * automatic checkpoints off, and on again if the thread fails (`onStopped`). A PASSIVE checkpoint
 * waits for no reader or writer. The thread keeps no process alive; it ends with the returned function.
 */
export function checkpointInBackground(databaseFile: string, onStopped: () => void, everyMs = CHECKPOINT_EVERY_MS): () => Promise<void> {
  const thread = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { file: databaseFile, driver: require.resolve('better-sqlite3'), everyMs },
    // It holds one connection and a timer: a small heap of its own, not the program's.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
  });
  thread.on('error', (error) => {
    console.error('background checkpoints stopped (commits checkpoint again when the WAL fills):', error.message);
    onStopped();
  });
  thread.unref();
  return async () => {
    await thread.terminate();
  };
}
