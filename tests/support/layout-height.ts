import type { Locator } from 'playwright-core';

/**
 * An element's height on screen, at the precision Chromium lays out (1/64 px). A bounding box is
 * top and bottom in floating point: while a sheet slides in by a fractional translateY, a 44 px
 * button measured 43.99994.
 */
export async function layoutHeight(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not on screen`);
  return Math.round(box.height * 64) / 64;
}
