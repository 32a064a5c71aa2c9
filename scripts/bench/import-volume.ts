import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { loadTest } from './http-load';
import { largestResidentMb } from './memory';
import { figuresOf, type Figures } from './stats';

const CITIES = [
  ['Dayton', 'OH', '45402'],
  ['Columbus', 'OH', '43215'],
  ['Phoenix', 'AZ', '85004'],
  ['Memphis', 'TN', '38103'],
  ['Kansas City', 'MO', '64106'],
] as const;
const TYPES = ['Single Family Residential', 'Duplex (2 units, any combination)', 'Condominium', 'Townhouse', 'Mobile/Manufactured Home', 'Vacant Land'];
const HEADER =
  'Address,Unit #,City,State,Zip,County,APN,Owner 1 First Name,Owner 1 Last Name,Mailing Address,Mailing City,Mailing State,Mailing Zip,Property Type,Bedrooms,Total Bathrooms,Building Sqft,Effective Year Built,Est. Value,Est. Loan-to-Value,Est. Equity,Marketing Lists,Phone 1,Phone 1 Type,Phone 1 DNC,Phone 2,Phone 2 Type,Phone 2 DNC,Email 1';

/** A PropStream-style export of `rows` owners (the messy forms included: currency, percentages, zip+4, quoted commas), streets unique to `run`. */
export function writePropStreamFile(rows: number, run: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-bench-import-')), `propstream-${rows}.csv`);
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `\uFEFF${HEADER}\n`);
  let chunk: string[] = [];
  for (let i = 1; i <= rows; i += 1) {
    const [city, state, zip] = CITIES[i % CITIES.length]!;
    const value = 80_000 + ((i * 7919) % 220_000);
    const phone = `(${200 + (i % 700)}) 555-${String(i % 10_000).padStart(4, '0')}`;
    chunk.push(
      [
        `${i} ${run} Benchmark Avenue`, i % 9 === 0 ? `${i % 12}B` : '', city.toUpperCase(), state, i % 4 === 0 ? `${zip}-${String(i % 9999).padStart(4, '0')}` : zip,
        'BENCH COUNTY', `APN-${i}`, 'OWNER', `NUMBER ${i}`, `"PO Box ${i}, Suite 2"`, city, state, zip, `"${TYPES[i % TYPES.length]}"`,
        String(1 + (i % 5)), String(1 + (i % 3) * 0.5), `"${(900 + (i % 2_000)).toLocaleString('en-US')}"`, String(1940 + (i % 80)),
        `"$${value.toLocaleString('en-US')}"`, `${i % 90}.5%`, `"$${Math.round(value * 0.4).toLocaleString('en-US')}"`, 'Absentee Owners; High Equity',
        phone, i % 2 ? 'Mobile' : 'Landline', i % 5 === 0 ? 'Y' : 'N', '', '', '', i % 3 === 0 ? `owner${i}@example.com` : '',
      ].join(','),
    );
    if (chunk.length === 5_000) {
      fs.writeSync(out, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) fs.writeSync(out, `${chunk.join('\n')}\n`);
  fs.closeSync(out);
  return file;
}

/**
 * A GET retried after a dropped connection: on a loaded machine a keep-alive socket the API is
 * closing is sometimes reused (ECONNRESET), which ended the whole measure.
 */
async function fetchRetried(url: string, init: RequestInit, attempts = 3): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export interface ImportFigures {
  rows: number;
  rowsPerSecond: number;
  completedSeconds: number;
  /** Import posted → every imported lead's workflow started; null when they were not all started within the wait. */
  workflowsStartedSeconds: number | null;
  apiPeakRssMb: number;
  /** The lead list (newest first, 50) under `connections` while the import runs. */
  leadListDuringImport: Figures;
  created: number;
  errors: number;
}

/** Imports a generated `rows`-row file end to end through the API and times it, loading the lead list meanwhile. */
export async function measureImport(options: { appUrl: string; cookie: string; databaseFile: string; apiPid: number; rows: number; connections: number; maxWaitMs: number }): Promise<ImportFigures> {
  const { appUrl, cookie, databaseFile, apiPid, rows } = options;
  const file = writePropStreamFile(rows, Date.now().toString(36));
  try {
    const form = new FormData();
    form.set('file', new Blob([fs.readFileSync(file)], { type: 'text/csv' }), path.basename(file));
    const started = performance.now();
    const posted = await fetch(`${appUrl}/api/imports`, { method: 'POST', body: form, headers: { cookie, [CLIENT_HEADER]: 'script' } });
    const accepted = (await posted.json()) as { id?: string };
    if (posted.status !== 202 || !accepted.id) throw new Error(`POST /api/imports answered ${posted.status}: ${JSON.stringify(accepted)}`);

    // Sampled while it runs: the process's own peak (VmHWM) would include everything before the import.
    let peakMb = largestResidentMb(apiPid).rss;
    let done: { status: string; created: number; errors: number } | undefined;
    const watch = (async () => {
      while (performance.now() - started < options.maxWaitMs) {
        peakMb = Math.max(peakMb, largestResidentMb(apiPid).rss);
        const status = (await (await fetchRetried(`${appUrl}/api/imports/${accepted.id}`, { headers: { cookie } })).json()) as { status: string; created: number; errors: number };
        if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(status.status)) return status;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`import ${accepted.id} did not finish within ${options.maxWaitMs / 1000} s`);
    })().then((status) => {
      done = status;
    });
    const during: number[] = [];
    while (!done) await loadTest(appUrl, '/api/leads?limit=50', cookie, { connections: options.connections, seconds: 2 }, during);
    await watch;
    const completedSeconds = (performance.now() - started) / 1000;
    if (done!.status !== 'COMPLETED') throw new Error(`import ${accepted.id} ended ${done!.status}`);

    const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    let workflowsStartedSeconds: number | null = null;
    try {
      const pending = db.prepare('SELECT count(*) AS n FROM "Lead" WHERE "importId" = ? AND "workflowStartedAt" IS NULL');
      while (performance.now() - started < options.maxWaitMs) {
        peakMb = Math.max(peakMb, largestResidentMb(apiPid).rss);
        if ((pending.get(accepted.id) as { n: number }).n === 0) {
          workflowsStartedSeconds = (performance.now() - started) / 1000;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    } finally {
      db.close();
    }
    return {
      rows,
      rowsPerSecond: rows / completedSeconds,
      completedSeconds,
      workflowsStartedSeconds,
      apiPeakRssMb: peakMb,
      leadListDuringImport: figuresOf(during),
      created: done!.created,
      errors: done!.errors,
    };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
