import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../prisma/generated/client';

export type Db = PrismaClient;
export type { Prisma } from '../prisma/generated/client';

/** Opens the SQLite database through Prisma's JS engine, in WAL mode, waiting up to 5 s on a busy lock. */
export async function openDb(databaseFile: string): Promise<Db> {
  const adapter = new PrismaBetterSQLite3({ url: `file:${path.resolve(databaseFile)}`, timeout: 5_000 });
  const db = new PrismaClient({ adapter });
  await db.$queryRawUnsafe('PRAGMA journal_mode=WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous=NORMAL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys=ON');
  return db;
}
