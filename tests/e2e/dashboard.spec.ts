import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../scripts/lib/processes';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { buildWebIfStale } from '../../scripts/lib/web-build';
import { launchBrowser } from '../support/browser';
import { requireTemporalCli } from '../support/temporal-env';
import { ROOT_DIR } from '../support/test-db';

jest.setTimeout(90_000);

const logs: string[] = [];
let stack: Stack;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  buildWebIfStale(ROOT_DIR, (line) => logs.push(line));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-e2e-'));
  [stack, browser] = await Promise.all([
    startStack({
      rootDir: ROOT_DIR,
      dataDir,
      port: await freePort(),
      temporalPort: await freePort(),
      temporalUiPort: await freePort(),
      temporalCli: requireTemporalCli(),
      headless: true,
      log: (line) => logs.push(line),
    }),
    launchBrowser(),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  const state = expect.getState();
  if (state.assertionCalls !== state.numPassingAsserts) console.log(logs.slice(-60).join('\n'));
});

const kpi = async (page: Page, name: string): Promise<number> => Number(await page.getByTestId(name).textContent());

async function waitForKpi(page: Page, name: string): Promise<number> {
  await page.waitForFunction((id) => /^\d+$/.test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''), name);
  return kpi(page, name);
}

describe('dashboard in the browser', () => {
  it('redirects to login, signs in, and shows a new lead in the counts and the live feed without a reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.appUrl}/`);
    await page.waitForURL('**/login');
    await page.getByLabel('Email').fill('agent@flipstackk.test');
    await page.getByLabel('Password').fill('flipstackk');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${stack.appUrl}/`);
    await page.getByTestId('live-status').getByText('Live').waitFor();

    const leadsBefore = await waitForKpi(page, 'kpi-leads');
    const newTodayBefore = await waitForKpi(page, 'kpi-new-today');
    let reloads = 0;
    page.on('framenavigated', () => (reloads += 1));

    await page.getByLabel('Seller name').fill('Browser Seller');
    await page.getByLabel('Phone').fill('(937) 555-0199');
    await page.getByLabel('Street').fill('77 Live Ave');
    await page.getByLabel('City').fill('Dayton');
    await page.getByLabel('State').fill('OH');
    await page.getByLabel('ZIP').fill('45402');
    await page.getByLabel('Asking price').fill('85000');
    await page.getByRole('button', { name: 'Create lead' }).click();

    const feed = page.getByTestId('activity-feed');
    await feed.getByText('New lead: Browser Seller').waitFor();
    await page.waitForFunction((expected) => document.querySelector('[data-testid="kpi-leads"]')?.textContent === String(expected), leadsBefore + 1);
    expect(await kpi(page, 'kpi-new-today')).toBe(newTodayBefore + 1);
    // The contact task comes from the lead's Temporal workflow a moment later, over SSE.
    await feed.getByText('Task created: Contact lead within 1 hour').first().waitFor();
    expect(reloads).toBe(0);
    await page.screenshot({ path: path.join(os.tmpdir(), 'flipstackk-dashboard.png') });
  });

  it('shows field errors inline, from the same schema the server uses, and keeps the input', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.appUrl}/login`);
    await page.getByLabel('Email').fill('supervisor@flipstackk.test');
    await page.getByLabel('Password').fill('flipstackk');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Create lead' }).waitFor();
    await page.getByLabel('Seller name').fill('Half Filled');
    await page.getByLabel('ZIP').fill('123');
    await page.getByRole('button', { name: 'Create lead' }).click();
    await page.getByText('must be a 5-digit ZIP code').waitFor();
    await page.getByText('must be a two-letter state code').waitFor();
    expect(await page.getByLabel('Seller name').inputValue()).toBe('Half Filled');
    await context.close();
  });

  it('refuses a wrong password with a message', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.appUrl}/login`);
    await page.getByLabel('Email').fill('agent@flipstackk.test');
    await page.getByLabel('Password').fill('nope');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Wrong e-mail or password').waitFor();
    expect(page.url()).toContain('/login');
  });
});
