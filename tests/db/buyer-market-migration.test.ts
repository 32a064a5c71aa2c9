import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { startScratchPostgres, testsUsePostgres } from '../support/postgres';

jest.setTimeout(180_000);

/**
 * The migrations of the buyers' market rows, each run on rows saved before it, on the backend under
 * test: property types (a buyer of two types gets a row per market and type, a buyer of any type
 * keeps one "*" row per market), then the copy of each buyer's box and standing kept by triggers.
 */
const postgres = testsUsePostgres();
const migrationsDir = path.resolve(__dirname, '..', '..', 'prisma', ...(postgres ? ['postgresql', 'migrations'] : ['migrations']));
const migrations = fs.readdirSync(migrationsDir).filter((name) => /^\d{14}_/.test(name)).sort();
const indexOf = (name: string): number => migrations.findIndex((migration) => migration.endsWith(`_${name}`));
const target = indexOf('buyer_market_property_type');
const sqlOf = (name: string): string => fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');

/** Runs `sql` with `$1`-style parameters on either backend; rows come back for a SELECT. */
type Run = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** A scratch database of the backend under test, given to `use`, then removed. */
async function withScratchDatabase(use: (run: Run) => Promise<void>): Promise<void> {
  if (postgres) {
    const server = await startScratchPostgres('flipstackk-buyer-market-');
    const client = new Client({ connectionString: server.url });
    try {
      await client.connect();
      await use(async (sql, params) => (await client.query(sql, params)).rows);
    } finally {
      await client.end();
      await server.stop();
    }
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-buyer-market-'));
  const db = new Database(path.join(dir, 'app.db'));
  try {
    await use(async (sql, params = []) => {
      if (params.length === 0 && !/^\s*SELECT/i.test(sql)) {
        db.exec(sql);
        return [];
      }
      const statement = db.prepare(sql.replace(/\$\d+/g, '?'));
      return statement.reader ? (statement.all(...params) as Array<Record<string, unknown>>) : (statement.run(...params), []);
    });
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const BUYERS = [
  { id: 'b-two-types', markets: '["Dayton, OH","45402"]', propertyTypes: '["SFR","CONDO"]' },
  { id: 'b-any-type', markets: '["Akron"]', propertyTypes: '[]' },
];
const OLD_ROWS = [
  ['b-two-types', 'dayton, oh'],
  ['b-two-types', '45402'],
  ['b-any-type', 'akron'],
];
const EXPECTED = [
  { buyerId: 'b-any-type', market: 'akron', propertyType: '*' },
  { buyerId: 'b-two-types', market: '45402', propertyType: 'CONDO' },
  { buyerId: 'b-two-types', market: '45402', propertyType: 'SFR' },
  { buyerId: 'b-two-types', market: 'dayton, oh', propertyType: 'CONDO' },
  { buyerId: 'b-two-types', market: 'dayton, oh', propertyType: 'SFR' },
];
const ROWS_IN_ORDER = 'SELECT "buyerId", "market", "propertyType" FROM "BuyerMarket" ORDER BY "buyerId", "market", "propertyType"';
const INSERT_BUYER = 'INSERT INTO "Buyer" ("id", "name", "markets", "propertyTypes", "updatedAt") VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)';

it(`types the market rows saved before it (${postgres ? 'PostgreSQL' : 'SQLite'})`, async () => {
  expect(target).toBeGreaterThan(0);
  await withScratchDatabase(async (run) => {
    for (const name of migrations.slice(0, target)) await run(sqlOf(name));
    for (const buyer of BUYERS) await run(INSERT_BUYER, [buyer.id, buyer.id, buyer.markets, buyer.propertyTypes]);
    for (const [buyerId, market] of OLD_ROWS) await run('INSERT INTO "BuyerMarket" ("buyerId", "market") VALUES ($1, $2)', [buyerId, market]);
    await run(sqlOf(migrations[target]!));
    expect(await run(ROWS_IN_ORDER)).toEqual(EXPECTED);
  });
});

const BOX_ROWS = 'SELECT "buyerId", "market", "propertyType", "live", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "pofVerifiedAt" IS NOT NULL AS "pof" FROM "BuyerMarket" ORDER BY "buyerId", "market", "propertyType"';
const INSERT_BOX_BUYER =
  'INSERT INTO "Buyer" ("id", "name", "status", "markets", "propertyTypes", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "archivedAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CURRENT_TIMESTAMP)';
/** Booleans as the backend answers them (SQLite: 0 or 1). */
const bool = (value: boolean): boolean | number => (postgres ? value : Number(value));

it(`copies each buyer's box and standing into their market rows, and keeps the copies (${postgres ? 'PostgreSQL' : 'SQLite'})`, async () => {
  const boxMigration = indexOf('buyer_market_match_box');
  expect(boxMigration).toBeGreaterThan(target);
  await withScratchDatabase(async (run) => {
    for (const name of migrations.slice(0, boxMigration)) await run(sqlOf(name));
    const archived = postgres ? new Date() : new Date().toISOString();
    // A Dayton buyer of SFR with bounds, an INACTIVE one, an archived one, and one of any market and type.
    await run(INSERT_BOX_BUYER, ['b-box', 'b-box', 'ACTIVE', '["Dayton, OH"]', '["SFR"]', 50_000, 150_000, 3, 2, 40_000, bool(true), null]);
    await run(INSERT_BOX_BUYER, ['b-inactive', 'b-inactive', 'INACTIVE', '["45402"]', '[]', null, null, null, null, null, bool(false), null]);
    await run(INSERT_BOX_BUYER, ['b-archived', 'b-archived', 'ACTIVE', '["45402"]', '[]', null, null, null, null, null, bool(false), archived]);
    await run(INSERT_BOX_BUYER, ['b-anywhere', 'b-anywhere', 'NEW', '[]', '[]', null, 90_000, null, null, null, bool(false), null]);
    for (const [buyerId, market, propertyType] of [['b-box', 'dayton, oh', 'SFR'], ['b-inactive', '45402', '*'], ['b-archived', '45402', '*']]) {
      await run('INSERT INTO "BuyerMarket" ("buyerId", "market", "propertyType") VALUES ($1, $2, $3)', [buyerId, market, propertyType]);
    }
    await run(sqlOf(migrations[boxMigration]!));
    const row = (buyerId: string, market: string, live: boolean, box: Partial<Record<'minPrice' | 'maxPrice' | 'minBeds' | 'minBaths' | 'maxRepair', number>> = {}, cash = false, pof = false) => ({
      buyerId, market, propertyType: market === 'dayton, oh' ? 'SFR' : '*', live: bool(live),
      minPrice: box.minPrice ?? null, maxPrice: box.maxPrice ?? null, minBeds: box.minBeds ?? null, minBaths: box.minBaths ?? null, maxRepair: box.maxRepair ?? null,
      cashBuyer: bool(cash), pof: bool(pof),
    });
    const boxed = { minPrice: 50_000, maxPrice: 150_000, minBeds: 3, minBaths: 2, maxRepair: 40_000 };
    expect(await run(BOX_ROWS)).toEqual([
      row('b-anywhere', '*', true, { maxPrice: 90_000 }),
      row('b-archived', '45402', false),
      row('b-box', 'dayton, oh', true, boxed, true),
      row('b-inactive', '45402', false),
    ]);

    // Later writes: a new row copies its buyer; a change of box or standing reaches every row.
    await run('INSERT INTO "BuyerMarket" ("buyerId", "market", "propertyType") VALUES ($1, $2, $3)', ['b-box', '45402', 'SFR']);
    await run('UPDATE "Buyer" SET "maxPrice" = $1, "pofVerifiedAt" = CURRENT_TIMESTAMP WHERE "id" = $2', [120_000, 'b-box']);
    await run('UPDATE "Buyer" SET "status" = $1 WHERE "id" = $2', ['ACTIVE', 'b-inactive']);
    await run('UPDATE "Buyer" SET "archivedAt" = NULL WHERE "id" = $1', ['b-archived']);
    await run('UPDATE "Buyer" SET "status" = $1 WHERE "id" = $2', ['INACTIVE', 'b-anywhere']);
    const changed = { ...boxed, maxPrice: 120_000 };
    expect(await run(BOX_ROWS)).toEqual([
      row('b-anywhere', '*', false, { maxPrice: 90_000 }),
      row('b-archived', '45402', true),
      { ...row('b-box', '45402', true, changed, true, true), propertyType: 'SFR' },
      row('b-box', 'dayton, oh', true, changed, true, true),
      row('b-inactive', '45402', true),
    ]);
  });
});
