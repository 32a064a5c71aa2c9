/**
 * `npm run walkthrough [-- <out dir> [<page,page…>]]`: starts a throwaway stack with the demo data and saves a
 * full-page screenshot of every page as each demo login sees it, at 1440 × 900 and 390 × 844,
 * for a person to look through before an issue is called done. It also lists pages that scroll
 * sideways on a phone. It judges nothing else: the tests do. A page `?text` is Find anything with
 * `text` typed (`?Da,?555-01`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CLIENT_HEADER } from '../domain/auth/client-header';
import { launchChromium } from './lib/chromium';
import { logInAsDemoUser } from './lib/log-in';
import { startTempStack } from './lib/temp-stack';
import { buildWebIfStale } from './lib/web-build';

const ROLES = ['agent', 'acquisitions', 'supervisor', 'admin'] as const;
// `@lead`, `@buyer` and `@task` stand for the page of the first lead, buyer or task in the role's own
// list; `@offer` for the page of the lead of the first offer the role can see (offers show on their lead);
// `@imported` for a lead of a PropStream list the admin imports for the agent first (its list details).
const ALL_PAGES = ['/', '/queue', '/leads', '@lead', '@imported', '@offer', '/leads/board', '/buyers', '@buyer', '/tasks', '@task', '/tasks/calendar', '/tasks/new', '/analytics', '/settings', '/account', '/users', '/outbox', '/imports'];
const RECORD_PAGES: Record<string, { list: string; page: (record: { id: string; leadId?: string }) => string }> = {
  '@lead': { list: 'leads?', page: ({ id }) => `/leads/${id}` },
  '@imported': { list: 'leads?source=LIST_IMPORT&', page: ({ id }) => `/leads/${id}` },
  '@buyer': { list: 'buyers?', page: ({ id }) => `/buyers/${id}` },
  '@task': { list: 'tasks?', page: ({ id }) => `/tasks/${id}` },
  '@offer': { list: 'offers?', page: ({ leadId }) => `/leads/${leadId}` },
};
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
const DEMO_PASSWORD = 'flipstackk';

/** `?text`: Find anything (Ctrl-K) opened on the dashboard with `text` typed, its results as the role sees them. */
async function showSearch(page: Page, appUrl: string, text: string): Promise<void> {
  await page.goto(`${appUrl}/`);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Find anything' });
  await palette.getByRole('combobox').waitFor();
  const answered = page.waitForResponse((response) => response.url().includes('/api/search?') && new URL(response.url()).searchParams.get('q') === text);
  await page.keyboard.type(text);
  await answered;
  await page.waitForLoadState('networkidle').catch(() => undefined);
}

/** What a page's screenshot is called after the role and the size. */
function shotName(entry: string): string {
  if (entry === '/') return '-dashboard';
  if (entry.startsWith('@')) return `-${entry.slice(1)}`;
  if (entry.startsWith('?')) return `-search-${entry.slice(1).replace(/\W+/g, '_')}`;
  return entry.replaceAll('/', '-');
}

/** A page's path; a record placeholder becomes its first record's page (null when the list is empty). */
async function resolvePage(page: Page, appUrl: string, entry: string): Promise<string | null> {
  const record = RECORD_PAGES[entry];
  if (record === undefined) return entry;
  const answer = await page.request.get(`${appUrl}/api/${record.list}limit=1`);
  const first = ((await answer.json()) as { items?: Array<{ id: string; leadId?: string }> }).items?.[0];
  return first ? record.page(first) : null;
}

/** The admin imports tests/fixtures/imports/propstream.csv with the agent as owner, and waits until it has ended. */
async function importListForAgent(appUrl: string): Promise<void> {
  const admin = await logInAsDemoUser(appUrl, 'admin@flipstackk.test', 'walkthrough');
  const headers = { cookie: admin, [CLIENT_HEADER]: 'walkthrough' };
  const users = (await (await fetch(`${appUrl}/api/users`, { headers })).json()) as { items: Array<{ id: string; email: string }> };
  const form = new FormData();
  const file = path.resolve(__dirname, '..', 'tests', 'fixtures', 'imports', 'propstream.csv');
  form.set('file', new Blob([fs.readFileSync(file)], { type: 'text/csv' }), 'propstream.csv');
  form.set('ownerId', users.items.find((user) => user.email === 'agent@flipstackk.test')!.id);
  const started = (await (await fetch(`${appUrl}/api/imports`, { method: 'POST', body: form, headers })).json()) as { id: string };
  for (let waited = 0; waited < 60_000; waited += 500) {
    const { status } = (await (await fetch(`${appUrl}/api/imports/${started.id}`, { headers })).json()) as { status: string };
    if (['COMPLETED', 'CANCELLED', 'FAILED'].includes(status)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the walkthrough list import did not end within a minute');
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-walkthrough-')));
  fs.mkdirSync(outDir, { recursive: true });
  // A second argument walks only some pages: "/queue,/settings".
  const PAGES = process.argv[3] ? process.argv[3].split(',') : ALL_PAGES;
  buildWebIfStale(path.resolve(__dirname, '..'), (line) => console.log(line));
  const stack = await startTempStack('walkthrough');
  if (PAGES.includes('@imported')) await importListForAgent(stack.appUrl);
  const browser = await launchChromium();
  const sideways: string[] = [];
  try {
    for (const role of ROLES) {
      for (const size of SIZES) {
        const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, isMobile: size.name === 'phone', hasTouch: size.name === 'phone' });
        const page = await context.newPage();
        await page.goto(`${stack.appUrl}/login`);
        await page.getByLabel('Email').fill(`${role}@flipstackk.test`);
        await page.getByLabel('Password').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(`${stack.appUrl}/`);
        for (const entry of PAGES) {
          const searched = entry.startsWith('?') ? entry.slice(1) : null;
          const pathname = searched === null ? await resolvePage(page, stack.appUrl, entry) : `/ (searching "${searched}")`;
          if (pathname === null) continue;
          if (searched === null) {
            await page.goto(`${stack.appUrl}${pathname}`);
            await page.waitForLoadState('networkidle').catch(() => undefined);
          } else {
            await showSearch(page, stack.appUrl, searched);
          }
          const file = path.join(outDir, `${role}-${size.name}${shotName(entry)}.png`);
          // Find anything is an overlay on the viewport: the page beneath it is not what is looked at.
          await page.screenshot({ path: file, fullPage: searched === null });
          const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
          if (scrolls) sideways.push(`${role} ${size.name} ${pathname}`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
  console.log(`screenshots: ${outDir}`);
  console.log(sideways.length ? `pages that scroll sideways:\n  ${sideways.join('\n  ')}` : 'no page scrolls sideways');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
