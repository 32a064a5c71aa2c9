/**
 * `npm run migrate:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * from the difference between the committed schema (git HEAD) and prisma/schema.prisma.
 * `prisma migrate dev` cannot be used: its shadow database fails under the JS engine.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migrate:new -- <name in snake_case>');
  process.exit(1);
}

const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-schema-')), 'schema.prisma');
let from = ['--from-empty'];
try {
  fs.writeFileSync(previous, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: root }));
  from = ['--from-schema-datamodel', previous];
} catch {
  console.log('No committed schema: diffing from an empty database.');
}

const sql = execFileSync(
  process.execPath,
  [path.join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_FILE: path.join(os.tmpdir(), 'flipstackk-migrate-diff.db') } },
);
if (!/^\s*(CREATE|ALTER|DROP|PRAGMA|INSERT)/m.test(sql)) {
  console.log('The schema has not changed since HEAD: no migration written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(root, 'prisma', 'migrations', `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql — review it, then commit it with the schema.`);

// The PostgreSQL twin of the schema and its migration (scripts/generate-postgres-schema.ts).
execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/generate-postgres-schema.ts'), name], { cwd: root, stdio: 'inherit' });
