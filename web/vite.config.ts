import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The API's port, as the stack is started (`PORT=3100 npm run dev:web` next to `PORT=3100 npm start`).
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Writes dist/sw.js from web/service-worker.js with the app shell to keep: the page ("/"), every
 * built file and every public file, and a version that changes whenever any of them does.
 * Written by hand rather than with vite-plugin-pwa, whose workbox-build brings about a hundred
 * packages (and platform-specific rollup binaries into the lockfile) for these few lines.
 */
function appShellWorker(): Plugin {
  const publicDir = path.join(__dirname, 'public');
  const template = path.join(__dirname, 'service-worker.js');
  return {
    name: 'flipstackk-app-shell-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle).filter((file) => file !== 'index.html' && !file.endsWith('.map'));
      const publicFiles = filesUnder(publicDir).map((file) => path.relative(publicDir, file).split(path.sep).join('/'));
      const shell = ['/', ...[...built, ...publicFiles].sort().map((file) => `/${file}`)];
      // Built files carry content hashes in their names; the page and the public files do not.
      const hash = createHash('sha256').update(fs.readFileSync(template)).update(fs.readFileSync(path.join(__dirname, 'index.html'))).update(shell.join('\n'));
      for (const file of filesUnder(publicDir)) hash.update(fs.readFileSync(file));
      const source = fs
        .readFileSync(template, 'utf8')
        .replace('self.__SHELL_FILES__', JSON.stringify(shell))
        .replace('self.__SHELL_VERSION__', JSON.stringify(hash.digest('hex').slice(0, 12)));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  root: __dirname,
  // Every text file also as .br and .gz, which the API serves to browsers that take them (api/serve-web-app.ts).
  plugins: [react(), appShellWorker(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  // No source maps in the production build: the served app does not publish its sources.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // zod in a chunk of its own, fetched with the first form or schema: left to itself the bundler
          // puts it in a chunk every page load imports. Its configuration (core.js and util.js, which
          // lib/zod-config.ts sets before anything else runs) is a small chunk of its own.
          groups: [
            { name: 'zod-config', test: /node_modules[\\/]zod[\\/]v4[\\/]core[\\/](core|util)\.js$/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query))[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // SSE on /api/events passes through unbuffered; the API sets no-transform and no compression.
    proxy: { '/api': { target: apiTarget } },
  },
});
