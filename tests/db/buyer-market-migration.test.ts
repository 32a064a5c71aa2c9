import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { startScratchPostgres, testsUsePostgres } from '../support/postgres';

jest.setTimeout(180_000);

/**
 * The migration that gives each buyer's market rows their property types, run on rows saved before
 * it (one row per market): a buyer of two types gets a row per market and type, a buyer of any type
 * keeps one "*" row per market, on the backend under test.
 */
const postgres = testsUsePostgres();
const migrationsDir = path.resolve(__dirname, '..', '..', 'prisma', ...(postgres ? ['postgresql', 'migrations'] : ['migrations']));
const TARGET = /^\d{14}_buyer_market_property_type$/;
const migrations = fs.readdirSync(migrationsDir).filter((name) => /^\d{14}_/.test(name)).sort();
const target = migrations.findIndex((name) => TARGET.test(name));
const sqlOf = (name: string): string => fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');

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
  if (postgres) {
    const server = await startScratchPostgres('flipstackk-buyer-market-');
    const client = new Client({ connectionString: server.url });
    try {
      await client.connect();
      for (const name of migrations.slice(0, target)) await client.query(sqlOf(name));
      for (const buyer of BUYERS) await client.query(INSERT_BUYER, [buyer.id, buyer.id, buyer.markets, buyer.propertyTypes]);
      for (const [buyerId, market] of OLD_ROWS) await client.query('INSERT INTO "BuyerMarket" ("buyerId", "market") VALUES ($1, $2)', [buyerId, market]);
      await client.query(sqlOf(migrations[target]!));
      expect((await client.query(ROWS_IN_ORDER)).rows).toEqual(EXPECTED);
    } finally {
      await client.end();
      await server.stop();
    }
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-buyer-market-'));
  const db = new Database(path.join(dir, 'app.db'));
  try {
    for (const name of migrations.slice(0, target)) db.exec(sqlOf(name));
    for (const buyer of BUYERS) db.prepare(INSERT_BUYER.replace(/\$\d/g, '?')).run(buyer.id, buyer.id, buyer.markets, buyer.propertyTypes);
    for (const [buyerId, market] of OLD_ROWS) db.prepare('INSERT INTO "BuyerMarket" ("buyerId", "market") VALUES (?, ?)').run(buyerId, market);
    db.exec(sqlOf(migrations[target]!));
    expect(db.prepare(ROWS_IN_ORDER).all()).toEqual(EXPECTED);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
