import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { freePort } from '../../scripts/lib/processes';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { buildWebIfStale } from '../../scripts/lib/web-build';
import { launchChromium } from '../../scripts/lib/chromium';
import { preparedRun } from './prepared-run';
import { requireTemporalCli } from './temporal-env';
import { ROOT_DIR } from './test-db';

/**
 * For a browser test file: builds the web app when stale, starts the whole stack on free ports
 * and Chromium before the tests, stops both after. `withStackLogs` prints the stack's output
 * when a step fails, which usually says why. `env` configures the stack's API and worker (e.g.
 * DOCUMENT_MAX_MB).
 */
const DEMO_PASSWORD = 'flipstackk';

export function useBrowserStack(options: { env?: Record<string, string> } = {}) {
  const logs: string[] = [];
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;

  async function withStackLogs<T>(body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      // The failure first and the stack's last lines after it, without the static files and the
      // worker's routine info lines (a busy worker's pushed the API's diagnostic report out of a
      // CI log's last 30 lines): a log shown in part keeps the why. The whole output goes to a file
      // beside the Jest results.
      const saved = path.join(ROOT_DIR, 'tests', '.tmp', `stack-${expect.getState().currentTestName?.replace(/[^a-z0-9]+/gi, '-').slice(0, 80) ?? 'setup'}.log`);
      fs.mkdirSync(path.dirname(saved), { recursive: true });
      fs.writeFileSync(saved, logs.join('\n'));
      const lines = logs.filter((line) => !line.includes('"route":"static"') && !(line.startsWith('[worker]') && line.includes('"level":"info"'))).slice(-40);
      console.log(`failed: ${error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error)}\nstack output (last 40 lines but static files and the worker's info lines; all of it in ${path.relative(ROOT_DIR, saved)}):\n${lines.join('\n')}`);
      throw error;
    }
  }

  beforeAll(
    () =>
      withStackLogs(async () => {
        const log = (line: string): void => void logs.push(line);
        buildWebIfStale(ROOT_DIR, log);
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-e2e-'));
        const [port, temporalPort, temporalUiPort] = [await freePort(), await freePort(), await freePort()];
        browser = await launchChromium();
        const prepared = preparedRun();
        stack = await startStack({
          rootDir: ROOT_DIR, dataDir, port, temporalPort, temporalUiPort, temporalCli: requireTemporalCli(), headless: true, log,
          ...(prepared ? { migratedTemplate: prepared.migratedDatabase } : {}),
          env: { ...options.env, ...(prepared ? { WORKFLOW_BUNDLE: prepared.workflowBundle } : {}) },
        });
      }),
    // Above the sum of startStack's own bounded waits (Temporal, worker, API, the demo's workflows),
    // so a slow start fails with the step that was slow and the stack's log, not Jest's bare timeout
    // (a CI run beside other work took over 180 s to start one stack).
    600_000,
  );

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const appUrl = (pathname = '/'): string => {
    if (!stack) throw new Error('the stack did not start');
    return `${stack.appUrl}${pathname}`;
  };
  const runningBrowser = (): Browser => {
    if (!browser) throw new Error('the browser did not start');
    return browser;
  };

  return {
    withStackLogs,
    appUrl,
    browser: runningBrowser,
    /** POSTs `data` as the page's signed-in user (as our own client) and expects 200 or 201: a record made without its form. */
    async send(page: Page, path: string, data: unknown): Promise<{ id: string }> {
      const response = await page.request.post(appUrl(path), { headers: { [CLIENT_HEADER]: 'test' }, data });
      expect([200, 201]).toContain(response.status());
      return (await response.json()) as { id: string };
    },
    /**
     * A new browser context at 1440 × 900, signed in as a demo login (password `flipstackk`, or
     * `password`) on the dashboard; `timezoneId` sets the reader's time zone. `serviceWorkers: 'block'`
     * keeps the app's service worker out, so every file comes from the server (and `page.route`).
     */
    async signedIn(
      email: string,
      { password = DEMO_PASSWORD, timezoneId, serviceWorkers }: { password?: string; timezoneId?: string; serviceWorkers?: 'allow' | 'block' } = {},
    ): Promise<{ context: BrowserContext; page: Page }> {
      const context = await runningBrowser().newContext({ viewport: { width: 1440, height: 900 }, ...(timezoneId ? { timezoneId } : {}), ...(serviceWorkers ? { serviceWorkers } : {}) });
      const page = await context.newPage();
      await page.goto(appUrl('/login'));
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(appUrl('/'));
      return { context, page };
    },
  };
}
