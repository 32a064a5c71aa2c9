/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { useBrowserStack } from '../support/browser-stack';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, browser } = useBrowserStack();

const ROLES = ['agent@flipstackk.test', 'admin@flipstackk.test'] as const;
const PAGES = ['/', '/leads', '/leads/board', '/buyers', '/tasks', '/tasks/calendar', '/tasks/new', '/analytics', '/settings'];

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('flipstackk');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
}

/** The first item's id (the demo data's workflows create tasks shortly after the stack starts). */
async function firstId(page: Page, route: string): Promise<string> {
  return waitUntil(`an item at ${route}`, () => page.evaluate(async (url) => ((await (await fetch(url)).json()) as { items?: Array<{ id: string }> }).items?.[0]?.id, route), 60_000);
}

describe('the Content Security Policy in the browser', () => {
  it.each(ROLES)('no page reports a violation, signed in as %s', (email) =>
    withStackLogs(async () => {
      const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) violations.push(`${page.url()}: ${message.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
      });
      await signIn(page, email);
      const details = [`/leads/${await firstId(page, '/api/leads?limit=1')}`, `/buyers/${await firstId(page, '/api/buyers?limit=1')}`, `/tasks/${await firstId(page, '/api/tasks?view=team&limit=1')}`];
      for (const route of [...PAGES, ...details]) {
        await page.goto(appUrl(route));
        await page.getByRole('main').waitFor();
        // Give the page's lazy chunks and styles a moment to load: any blocked one reports itself.
        await page.waitForTimeout(400);
      }
      expect(violations).toEqual([]);
      await context.close();
    }),
  );
});
