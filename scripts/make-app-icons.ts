/**
 * `npx tsx scripts/make-app-icons.ts`: draws the installable app's icons (web/public/icons/*.png)
 * from the brand mark (web/src/features/layout/brand-mark.tsx) with Chromium. The PNGs are
 * committed; run this again only when the mark changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './lib/chromium';

const OUT_DIR = path.resolve(__dirname, '..', 'web', 'public', 'icons');
// The brand mark's stack of three deals, drawn on a 32-unit square.
const MARK = 'M8 20.5 16 24l8-3.5M8 16l8 3.5 8-3.5M16 8l8 3.5-8 3.5-8-3.5z';

interface IconSpec {
  file: string;
  size: number;
  /** Corner radius of the tile in 32-unit squares; 0 fills the square (maskable, Apple). */
  radius: number;
  /** How much of the tile the mark's 32-unit square takes: maskable icons keep it in the safe zone. */
  markScale: number;
}

const ICONS: IconSpec[] = [
  { file: 'icon-192.png', size: 192, radius: 9, markScale: 1 },
  { file: 'icon-512.png', size: 512, radius: 9, markScale: 1 },
  { file: 'icon-maskable-512.png', size: 512, radius: 0, markScale: 0.72 },
  { file: 'apple-touch-icon.png', size: 180, radius: 0, markScale: 0.9 },
];

function iconSvg({ size, radius, markScale }: IconSpec): string {
  const offset = (32 - 32 * markScale) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${size}" height="${size}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="32" y2="32" gradientUnits="userSpaceOnUse"><stop stop-color="#6366f1"/><stop offset="1" stop-color="#2563eb"/></linearGradient></defs>
  <rect width="32" height="32" rx="${radius}" fill="url(#g)"/>
  <g transform="translate(${offset} ${offset}) scale(${markScale})">
    <path d="${MARK}" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>
  </g>
</svg>`;
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      await page.setContent(`<html><body style="margin:0;background:transparent">${iconSvg(icon)}</body></html>`);
      await page.locator('svg').screenshot({ path: path.join(OUT_DIR, icon.file), omitBackground: true });
      await page.close();
      console.log(`wrote web/public/icons/${icon.file}`);
    }
  } finally {
    await browser.close();
  }
}

void main();
