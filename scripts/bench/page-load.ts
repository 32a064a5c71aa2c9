import { launchChromium } from '../lib/chromium';

/** A page of the app and what shows that its content (not just the frame) is on screen. */
export interface PageToLoad {
  name: string;
  path: string;
  /** A CSS selector (plain CSS: it is matched in the page) that matches only once the page's data has rendered. */
  content: string;
}

/** The pause between opening a context and navigating in it (see measurePageLoads). */
const BROWSER_SETTLE_MS = 500;

/** In the page: whether an element `selector` matches is laid out with a size, as Playwright's "visible" means. */
function contentVisible(selector: string): boolean {
  return Array.from(document.querySelectorAll(selector)).some((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  });
}

/**
 * Navigation start → the page's first meaningful content visible, in Chromium at 1440 × 900, each
 * load in a new browser context (cold cache, nothing prefetched), `times` times per page.
 *
 * The content is looked for in the page at every animation frame: `locator.waitFor` checks after
 * 0, 20, 50, 100 and 100 ms and then only every 500 ms, which added up to half a second to a load.
 * Each navigation starts half a second after its context opened, once the browser is done closing
 * the last context and opening this one (a user's browser does neither as they open a page): on
 * this 2-core machine that work went on into the load and made it 100–200 ms slower.
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
        await new Promise((resolve) => setTimeout(resolve, BROWSER_SETTLE_MS));
        const started = performance.now();
        await tab.goto(`${appUrl}${page.path}`, { waitUntil: 'commit' });
        await tab.waitForFunction(contentVisible, page.content, { polling: 'raf', timeout: 60_000 });
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
