import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { CLIENT_HEADER } from '../../domain/auth/client-header';

/**
 * Lead POST answered (the lead and its Event are committed) → its line visible in the activity
 * feed of a dashboard open in a second browser, as a supervisor watching the team would see it.
 * The page stamps the moment with a MutationObserver, so polling adds nothing to the figure.
 */
export async function measureBrowserLiveUpdate(appUrl: string, watcherCookie: string, creatorCookie: string, leads: number): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await addSessionCookie(context, appUrl, watcherCookie);
    const watcher = await context.newPage();
    await watcher.goto(`${appUrl}/`);
    await watcher.getByTestId('live-status').getByText('Live').waitFor({ timeout: 30_000 });
    await watcher.getByTestId('activity-feed').waitFor({ timeout: 30_000 });

    const latencies: number[] = [];
    for (let i = 0; i < leads; i += 1) {
      const sellerName = `Live Watch ${Date.now().toString(36)}${i}`;
      const seenAt = await watchForFeedLine(watcher, `New lead: ${sellerName}`);
      const response = await fetch(`${appUrl}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'script', cookie: creatorCookie },
        body: JSON.stringify({ sellerName, street: `${i} Watch St`, city: 'Dayton', state: 'OH', zip: '45402', allowDuplicate: true }),
      });
      const committedAt = Date.now();
      if (response.status !== 201) throw new Error(`POST /api/leads answered ${response.status}: ${await response.text()}`);
      latencies.push(Math.max(0, (await seenAt()) - committedAt));
    }
    return latencies;
  } finally {
    await browser.close();
  }
}

async function addSessionCookie(context: BrowserContext, appUrl: string, cookie: string): Promise<void> {
  const [name, ...rest] = cookie.split('=');
  await context.addCookies([{ name: name!, value: rest.join('='), url: appUrl }]);
}

type StampedWindow = Window & { feedLineSeenAt?: Promise<number> };

/** Starts watching the feed for `text` (before the lead is posted); resolves with the page's wall-clock time when it shows. */
async function watchForFeedLine(page: Page, text: string): Promise<() => Promise<number>> {
  await page.evaluate((wanted) => {
    (window as StampedWindow).feedLineSeenAt = new Promise<number>((resolve, reject) => {
      const feed = document.querySelector('[data-testid="activity-feed"]');
      if (!feed) return reject(new Error('no activity feed on the page'));
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`"${wanted}" did not appear within 30 s`));
      }, 30_000);
      const observer = new MutationObserver(() => {
        if (!feed.textContent?.includes(wanted)) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(Date.now());
      });
      observer.observe(feed, { childList: true, subtree: true, characterData: true });
    });
  }, text);
  return () => page.evaluate(() => (window as StampedWindow).feedLineSeenAt!);
}
