/// <reference lib="dom" />
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, signedIn } = useBrowserStack();


// An enum value (OFFER_MADE, MULTI_FAMILY) or an event name (setting.updated, deal.buyer_recorded).
const RAW = /\b[A-Z]{2,}_[A-Z_]+\b|\b[a-z]+\.[a-z]+_[a-z_]+\b|\b(?:setting|lead|task|offer|buyer|deal|note|document|user)\.[a-z]+\b|setting updated|deal buyer recorded/;

describe('words people understand', () => {
  it('the activity feed says "Settings changed" and "Lead moved … → Contacted", with no enum values or event names', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('admin@flipstackk.test');
      await page.goto(appUrl('/settings'));
      await page.getByLabel('MAO rule %').fill('68');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByRole('status').getByText('Saved. New timers use these durations.').waitFor();

      await page.goto(appUrl('/leads'));
      await page.getByRole('link', { name: 'James Carter' }).first().click();
      await page.getByRole('heading', { name: 'James Carter' }).waitFor();
      await page.getByRole('button', { name: 'Move to Contacted' }).click();

      await page.goto(appUrl('/'));
      const feed = page.getByTestId('activity-feed');
      await feed.getByText('Settings changed').waitFor();
      await feed.getByText('Lead moved: James Carter → Contacted').waitFor();
      await feed.getByText('was New').first().waitFor();
      expect(await feed.innerText()).not.toMatch(RAW);
      await context.close();
    }));
});
