import fs from 'node:fs';
import path from 'node:path';

/**
 * Calls `onWrite` soon after any process writes to the SQLite database at `databaseFile`: in WAL
 * mode every commit appends to `<file>-wal`, and the kernel reports the change to a watcher of the
 * directory (inotify on Linux) within microseconds. The directory is watched, not the file, because
 * the WAL file comes and goes with the last connection. A wake-up says only "something changed":
 * the caller reads what is new, and keeps a slow poll in case a platform drops notifications.
 * Returns the function that stops watching.
 */
export function watchCommits(databaseFile: string, onWrite: () => void): () => void {
  const wal = `${path.basename(databaseFile)}-wal`;
  const watcher = fs.watch(path.dirname(path.resolve(databaseFile)), { persistent: false }, (_kind, name) => {
    if (name === null || name.toString() === wal) onWrite();
  });
  watcher.on('error', (error) => console.error('database watch stopped (events fall back to polling):', error.message));
  return () => watcher.close();
}
