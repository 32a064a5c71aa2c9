import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// The Prisma CLI runs outside our env parsing; it only needs the database file.
const dataDir = process.env.DATA_DIR ?? './data';
const databaseFile = process.env.DATABASE_FILE ?? path.join(dataDir, 'flipstackk.db');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url: `file:${path.resolve(databaseFile)}` }),
});
