// `npm start`: plain Node, because dependencies may not be installed yet.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lockFile = path.join(root, 'package-lock.json');
const installedLock = path.join(root, 'node_modules', '.package-lock.json');

function dependenciesStale() {
  if (!fs.existsSync(installedLock)) return true;
  return fs.statSync(lockFile).mtimeMs > fs.statSync(installedLock).mtimeMs;
}

if (dependenciesStale()) {
  // `npm ci`: exactly the locked versions (the lockfile lists every platform's optional packages).
  console.log('Installing dependencies (npm ci)…');
  const env = { ...process.env };
  // Native addons compile from source here; node-gyp must use the local Node headers, not download them.
  if (!env.npm_config_nodedir && fs.existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error('npm ci failed; fix the error above and run npm start again.');
    process.exit(1);
  }
}

require(path.join(root, 'node_modules', 'tsx', 'dist', 'cjs', 'api', 'index.cjs')).register();
require('./start-stack.ts');
