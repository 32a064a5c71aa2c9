import { launchChromium } from '../lib/chromium';

/** A page of the app and what shows that its content (not just the frame) is on screen. */
export interface PageToLoad {
  name: string;
  path: string;
  /** A CSS selector that matches only once the page's data has rendered. */
  content: string;
}

/**
 * Navigation start → the page's first meaningful content visible, in Chromium at 1440 × 900, each
 * load in a new browser context (cold cache, nothing prefetched), `times` times per page.
 */
export async function measurePageLoads(appUrl: string, cookie: string, pages: PageToLoad[], times: number): Promise<Map<string, number[]>> {
  const browser = await launchChromium();
  const [name, ...rest] = cookie.split('=');
  const figures = new Map<string, number[]>();
  try {
    for (const page of pages) {
      const loads: number[] = [];
      for (let i = 0; i < times; i += 1) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        await context.addCookies([{ name: name!, value: rest.join('='), url: appUrl }]);
        const tab = await context.newPage();
        const started = performance.now();
        await tab.goto(`${appUrl}${page.path}`, { waitUntil: 'commit' });
        await tab.locator(page.content).first().waitFor({ state: 'visible', timeout: 60_000 });
        loads.push(performance.now() - started);
        await context.close();
      }
      figures.set(page.name, loads);
    }
    return figures;
  } finally {
    await browser.close();
  }
}
