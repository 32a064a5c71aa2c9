import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The Prisma CLI on PostgreSQL (`prisma migrate diff|generate --config prisma/postgresql/prisma.config.ts`):
// it runs outside our env parsing and needs only the server's URL. The app applies migrations
// itself (scripts/lib/migrate-postgres.ts): `prisma migrate deploy` through adapter-pg 6.19 fails
// on the catalog's `name` columns (prisma/prisma#27403), hence the type swap below for `diff`.

/** pg's type ids of the catalog's identifier types, read as text. */
const CATALOG_TEXT_TYPES = new Set([19 /* name */, 18 /* "char" */]);
type Result = { fields: Array<{ dataTypeID: number }> };
type Queryable = { performIO(query: unknown): Promise<Result> };

function readCatalogNamesAsText<T extends object>(queryable: T): T {
  const io = queryable as unknown as Queryable;
  const performIO = io.performIO.bind(io);
  io.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result?.fields ?? []) if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = 25;
    return result;
  };
  const withTransactions = queryable as unknown as { startTransaction?: (...args: unknown[]) => Promise<object> };
  if (withTransactions.startTransaction) {
    const start = withTransactions.startTransaction.bind(queryable);
    withTransactions.startTransaction = async (...args) => readCatalogNamesAsText(await start(...args));
  }
  return queryable;
}

class CatalogFriendlyPg extends PrismaPg {
  override async connect() {
    return readCatalogNamesAsText(await super.connect());
  }
}

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => new CatalogFriendlyPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost/flipstackk' }),
});
