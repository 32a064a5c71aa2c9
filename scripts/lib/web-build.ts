import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Builds the web app when web/dist is missing or older than anything it is built from. */
export function buildWebIfStale(rootDir: string, log: (line: string) => void): void {
  const builtAt = newestMtime(path.join(rootDir, 'web', 'dist', 'index.html'));
  const sources = ['web/src', 'web/public', 'web/index.html', 'web/service-worker.js', 'web/vite.config.ts', 'domain', 'package-lock.json'];
  const sourcesAt = Math.max(...sources.map((source) => newestMtime(path.join(rootDir, source))));
  if (builtAt > sourcesAt) return;
  log('Building the web app…');
  const vite = path.join(rootDir, 'node_modules', '.bin', 'vite');
  // NODE_ENV decides import.meta.env.PROD: under Jest it is "test", which would build React's
  // development bundle and leave the service worker unregistered.
  const result = spawnSync(vite, ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: rootDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}
