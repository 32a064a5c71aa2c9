import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client, Connection } from '@temporalio/client';
import { freePort, startProcess, stopProcess, waitFor } from '../lib/processes';
import { temporalAnswers } from '../lib/stack';
import { devServerArgs } from '../lib/temporal-cli';

/**
 * The import's floors: what the machine gives before any of the import's own work. An import's
 * rows/s and its workflow starts are set beside these, as the routes are beside `GET /api/me`.
 */

const BATCH_ROWS = 1_000;

/**
 * Rows a second of bare lead inserts into a copy of `databaseFile`: copies of its own leads (fresh
 * ids and addresses) in the import's 1,000-row transactions, committed. What remains is SQLite
 * writing the row with the Lead table's indexes and its search index (the triggers): no parsing,
 * mapping, duplicate check, Event, or anything else running. The copy is deleted afterwards.
 */
export function bareLeadInsertRate(databaseFile: string, rows: number): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-bench-floor-'));
  const copyFile = path.join(dir, 'floor.db');
  fs.copyFileSync(databaseFile, copyFile);
  const db = new Database(copyFile, { fileMustExist: true });
  try {
    // As the app opens it (db/client.ts).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('Lead')`).all() as Array<{ name: string }>).map((column) => column.name);
    const template = db.prepare(`SELECT * FROM "Lead" ORDER BY rowid LIMIT ?`).all(Math.min(rows, BATCH_ROWS)) as Array<Record<string, unknown>>;
    if (template.length === 0) throw new Error(`${databaseFile} has no lead to copy`);
    const insert = db.prepare(`INSERT INTO "Lead" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
    const writeBatch = db.transaction((from: number, count: number) => {
      for (let i = from; i < from + count; i += 1) {
        const lead = template[i % template.length]!;
        const copy = `floor-${i}`;
        insert.run({ ...lead, id: copy, street: `${String(lead.street)} ${copy}`, addressKey: lead.addressKey === null ? null : `${String(lead.addressKey)}|${copy}` });
      }
    });
    const started = performance.now();
    for (let written = 0; written < rows; written += BATCH_ROWS) writeBatch(written, Math.min(BATCH_ROWS, rows - written));
    return rows / ((performance.now() - started) / 1000);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Workflow starts a second that a Temporal dev server of the stack's kind (its own SQLite file in a
 * temporary folder) accepts with no worker polling: `starts` starts, 64 in flight. The import's
 * leads' workflows cannot start faster than this, whatever the worker does.
 */
export async function bareWorkflowStartRate(temporalCli: string, starts: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-bench-temporal-'));
  const [port, uiPort] = [await freePort(), await freePort()];
  const server = startProcess('temporal-floor', temporalCli, devServerArgs({ dbFile: path.join(dir, 'temporal.db'), port, uiPort, headless: true }), { log: () => undefined });
  try {
    const address = `127.0.0.1:${port}`;
    await waitFor('Temporal dev server (floor)', () => temporalAnswers(address), 60_000, server.exited);
    const connection = await Connection.connect({ address });
    try {
      const client = new Client({ connection });
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 64 }, async () => {
          while (next < starts) {
            const id = next++;
            await client.workflow.start('benchFloor', { taskQueue: 'bench-floor-no-worker', workflowId: `bench-floor-${id}` });
          }
        }),
      );
      return starts / ((performance.now() - started) / 1000);
    } finally {
      await connection.close();
    }
  } finally {
    await stopProcess(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
