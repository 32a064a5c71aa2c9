/// <reference lib="dom" />
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserStack } from '../support/browser-stack';
import { CLIENT_HEADER } from '../../domain/auth/client-header';

const PASSWORD = 'flipstackk';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, browser: runningBrowser } = useBrowserStack();
const COLUMN_HEAD = { x: 40, y: 16 };

// Buyers and buyers' offers are acquisitions' work; the seeded leads are the demo agent's.
async function signedInPage(email = 'acquisitions@flipstackk.test'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await runningBrowser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
  return { context, page };
}

describe('CRM pages in the browser', () => {
  it('creates a buyer whose buy box fits a seeded lead, offers that lead to them, and the workflow adds a follow-up task', () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage();

      await page.getByRole('link', { name: 'Buyers' }).click();
      await page.waitForURL('**/buyers');
      await page.getByRole('button', { name: 'New buyer' }).click();
      // The shared schema answers before the server: a buyer needs a name.
      await page.getByRole('button', { name: 'Create buyer' }).click();
      await page.getByText('Buyer name is required').waitFor();

      await page.getByLabel('Buyer name').fill('Dana Dayton Investor');
      await page.getByLabel('Company').fill('Gem City Homes LLC');
      await page.getByLabel('Buyer email').fill('dana@gemcity.example');
      await page.getByLabel('Markets').fill('Dayton, OH, 45402');
      await page.getByLabel('Single family').check();
      await page.getByLabel('Min price').fill('50000');
      await page.getByLabel('Max price').fill('120000');
      await page.getByLabel('Cash buyer').check();
      await page.getByRole('button', { name: 'Create buyer' }).click();

      // The new buyer's profile lists the seeded Dayton SFR among its matching leads.
      await page.getByRole('heading', { name: 'Dana Dayton Investor' }).waitFor();
      await page.getByRole('link', { name: 'Maria Lopez' }).click();
      await page.getByRole('heading', { name: 'Maria Lopez' }).waitFor();
      // A document recorded on the lead shows in its documents list, live.
      const leadId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('documents').getByText('No documents yet.').waitFor();
      const recorded = await page.request.post(appUrl('/api/documents'), { headers: { [CLIENT_HEADER]: 'test' }, data: { leadId, kind: 'PURCHASE_CONTRACT', fileName: 'purchase-contract.pdf', sizeBytes: 48_000 } });
      expect(recorded.status()).toBe(201);
      await page.getByTestId('documents').getByText('purchase-contract.pdf').waitFor();

      const match = page.getByTestId('match-row').filter({ hasText: 'Dana Dayton Investor' });
      await match.getByText('in market (Dayton)').waitFor();
      await match.getByText('Single family wanted').waitFor();
      await match.getByText('price fits ($89,000)').waitFor();
      await match.getByText('cash buyer', { exact: true }).waitFor();

      await match.getByRole('button', { name: 'Create offer' }).click();
      const form = page.getByRole('form', { name: 'Offer for Dana Dayton Investor' });
      expect(await form.getByLabel('Amount').inputValue()).toBe('89000');
      await form.getByLabel('Amount').fill('82000');
      await form.getByLabel('Offer status').selectOption('SENT');
      await form.getByRole('button', { name: 'Save offer' }).click();

      const offer = page.getByTestId('offer-row').filter({ hasText: '$82,000' });
      // The row names the buyer, shows the status as a pill and the moves as what the person does.
      await offer.getByText('Buyer offer to Dana Dayton Investor').waitFor();
      await offer.locator('.status-pill').getByText('Sent', { exact: true }).waitFor();
      await offer.getByRole('button', { name: 'Mark accepted' }).waitFor();
      // A buyer's offer is accepted only on our contract: on this new lead the button says why it waits.
      expect(await offer.getByRole('button', { name: 'Mark accepted' }).isDisabled()).toBe(true);
      expect(await offer.getByRole('button', { name: 'Mark accepted' }).getAttribute('title')).toContain('not under contract');
      await offer.getByRole('button', { name: 'Withdraw' }).waitFor();
      expect(await offer.getByRole('button', { name: /Expired|Sent/ }).count()).toBe(0);

      // The offer's workflow writes the follow-up task a moment later; the stream brings it in.
      await page.getByTestId('lead-tasks').getByText('Follow up on offer status').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(os.tmpdir(), 'flipstackk-lead.png'), fullPage: true });
      await context.close();
    }));

  it('moves a lead from NEW to CONTACTED on the board, and the move survives a reload', () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('agent@flipstackk.test');
      await page.goto(appUrl('/leads/board'));
      const firstNew = page.getByTestId('column-NEW').getByTestId('board-card').first();
      await firstNew.waitFor();
      const name = (await firstNew.getByRole('link').textContent()) ?? '';
      expect(name).not.toBe('');

      // Dropped on the column's head: with the demo data a column can be taller than the window.
      await firstNew.dragTo(page.getByTestId('column-CONTACTED'), { targetPosition: COLUMN_HEAD });
      await page.getByTestId('column-CONTACTED').getByRole('link', { name }).waitFor();

      await page.reload();
      await page.getByTestId('column-CONTACTED').getByRole('link', { name }).waitFor();
      expect(await page.getByTestId('column-NEW').getByRole('link', { name }).count()).toBe(0);
      await page.screenshot({ path: path.join(os.tmpdir(), 'flipstackk-board.png'), fullPage: true });
      await context.close();
    }));

  it('filters and sorts the lead list through the URL, and saves the view', () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage();
      await page.goto(appUrl('/leads?city=Dayton'));
      const table = page.getByTestId('leads-table');
      await table.getByRole('link', { name: 'Maria Lopez' }).waitFor();
      expect(await table.getByRole('link', { name: 'James Carter' }).count()).toBe(0);

      await page.getByRole('button', { name: 'Clear' }).click();
      await table.getByRole('link', { name: 'James Carter' }).waitFor();
      await page.getByRole('button', { name: /Asking/ }).click();
      await page.waitForURL(/sort=-askingPrice/);
      await page.getByRole('button', { name: /Asking/ }).click();
      await page.waitForURL(/sort=askingPrice/);
      // Cheapest first: Robert King asks $67,500.
      await page.waitForFunction(() => document.querySelector('[data-testid="leads-table"] tbody tr td a')?.textContent === 'Robert King');

      await page.getByLabel('Type', { exact: true }).selectOption('SFR');
      await page.waitForURL(/propertyType=SFR/);
      await page.getByRole('button', { name: 'Save view' }).click();
      await page.getByLabel('View name').fill('Cheap SFRs');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByLabel('Saved view').getByRole('option', { name: 'Cheap SFRs' }).waitFor({ state: 'attached' });

      await page.getByRole('button', { name: 'Clear' }).click();
      await page.getByLabel('Saved view').selectOption({ label: 'Cheap SFRs' });
      await page.waitForURL(/propertyType=SFR/);
      expect(page.url()).toContain('sort=askingPrice');
      await table.getByRole('link', { name: 'Robert King' }).waitFor();
      // The rows of the cleared (unfiltered) list stay until the saved view's query answers.
      await table.getByRole('link', { name: 'Linda Nguyen' }).waitFor({ state: 'detached' });
      await page.screenshot({ path: path.join(os.tmpdir(), 'flipstackk-leads.png') });
      await context.close();
    }));

  it('puts a card back and shows the reason when the server refuses a move', () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage();
      await page.route('**/api/leads/*/status', (route) =>
        route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'CONFLICT', message: 'Someone else just moved this lead' } }) }),
      );
      await page.goto(appUrl('/leads/board'));
      const card = page.getByTestId('column-NEW').getByTestId('board-card').first();
      await card.waitFor();
      const name = (await card.getByRole('link').textContent()) ?? '';
      await card.dragTo(page.getByTestId('column-QUALIFIED'), { targetPosition: COLUMN_HEAD });
      await page.getByRole('alert').getByText(`${name}: Someone else just moved this lead`).waitFor();
      await page.getByTestId('column-NEW').getByRole('link', { name }).waitFor();
      expect(await page.getByTestId('column-QUALIFIED').getByRole('link', { name }).count()).toBe(0);
      await context.close();
    }));

  it('edits a lead with inline errors, recomputes its MAO, and moves it only along the pipeline', () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('agent@flipstackk.test');
      await page.goto(appUrl('/leads?q=Linda'));
      await page.getByTestId('leads-table').getByRole('link', { name: 'Linda Nguyen' }).click();
      await page.getByRole('heading', { name: 'Linda Nguyen' }).waitFor();
      expect(await page.getByTestId('lead-mao').textContent()).toBe('—');

      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const form = page.getByRole('form', { name: 'Edit lead' });
      await form.getByLabel('ZIP').fill('12');
      await form.getByLabel('ARV').fill('200000');
      await form.getByLabel('Repair estimate').fill('30000');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await form.getByText('ZIP must be a 5-digit ZIP code').waitFor();
      await form.getByLabel('ZIP').fill('45202');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForFunction(() => /^\$[\d,]+$/.test(document.querySelector('[data-testid="lead-mao"]')?.textContent ?? ''));

      const control = page.getByTestId('status-control');
      expect(await control.getByRole('button', { name: 'Move to Closed' }).count()).toBe(0);
      await control.getByRole('button', { name: 'Move to Contacted' }).click();
      await control.getByRole('button', { name: 'Move to Offer made' }).waitFor();
      await control.getByRole('button', { name: 'Mark dead' }).click();
      await control.getByLabel('Why is it dead?').selectOption('PRICE_TOO_HIGH');
      await control.getByRole('button', { name: 'Confirm dead' }).click();
      await page.getByText('(Price too high)').waitFor();
      await control.getByRole('button', { name: 'Move to New' }).waitFor();
      await page.screenshot({ path: path.join(os.tmpdir(), 'flipstackk-lead-edit.png'), fullPage: true });
      await context.close();
    }));

  it("refuses an edit started before someone else changed the lead, says what to do, and keeps their change", () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('agent@flipstackk.test');
      await page.goto(appUrl('/leads?q=Nancy'));
      await page.getByTestId('leads-table').getByRole('link', { name: 'Nancy Fields' }).click();
      await page.getByRole('heading', { name: 'Nancy Fields' }).waitFor();
      const leadId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const form = page.getByRole('form', { name: 'Edit lead' });
      await form.getByLabel('Asking price').fill('90000');

      // Meanwhile a supervisor changes the asking price; the agent's page shows it live, the open form keeps what was typed.
      const other = await signedInPage('supervisor@flipstackk.test');
      const theirs = await other.page.request.patch(appUrl(`/api/leads/${leadId}`), { headers: { [CLIENT_HEADER]: 'test' }, data: { askingPrice: 97_500 } });
      expect(theirs.status()).toBe(200);
      await other.context.close();

      await form.getByRole('button', { name: 'Save changes' }).click();
      await form.getByRole('alert').filter({ hasText: 'Someone else changed this lead after you opened it, so nothing was saved. Open it again to see their change, then make yours' }).waitFor();
      await form.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      expect(await form.getByLabel('Asking price').inputValue()).toMatch(/^\$?97,?500$/);
      await form.getByLabel('Asking price').fill('90000');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await form.waitFor({ state: 'detached' });
      expect((await (await page.request.get(appUrl(`/api/leads/${leadId}`))).json()).askingPrice).toBe(90_000);
      await context.close();
    }));

  it('offers a role only the controls it may use: the others are disabled, with the reason as their title', () =>
    withStackLogs(async () => {
      // Acquisitions read the agent's leads but neither edit nor move them; they may offer them to a buyer.
      const { context, page } = await signedInPage();
      await page.goto(appUrl('/leads?q=Patricia'));
      await page.getByTestId('leads-table').getByRole('link', { name: 'Patricia Hall' }).click();
      await page.getByRole('heading', { name: 'Patricia Hall' }).waitFor();
      const edit = page.getByRole('button', { name: 'Edit', exact: true });
      expect(await edit.isDisabled()).toBe(true);
      expect(await edit.getAttribute('title')).toBe("Only the lead's owner, a supervisor or an admin can change a lead");
      // Whatever stage she is in (an earlier test may have moved her on), her next move is refused.
      const move = page.getByTestId('status-control').getByRole('button', { name: /^Move to / }).first();
      expect(await move.isDisabled()).toBe(true);
      expect(await move.getAttribute('title')).toBe("Only the lead's owner, a supervisor or an admin can change a lead");
      expect(await page.getByTestId('offers').getByRole('button', { name: 'Create offer' }).isDisabled()).toBe(false);
      await context.close();

      // An agent reads buyers but leaves their buy box and standing to acquisitions.
      const agent = await signedInPage('agent@flipstackk.test');
      await agent.page.goto(appUrl('/buyers'));
      await agent.page.getByTestId('buyers-table').getByRole('link', { name: 'Gem City Capital' }).click();
      await agent.page.getByRole('heading', { name: 'Gem City Capital' }).waitFor();
      const preferences = agent.page.getByRole('button', { name: 'Edit preferences' });
      expect(await preferences.isDisabled()).toBe(true);
      expect(await preferences.getAttribute('title')).toBe('Only acquisitions, a supervisor or an admin can change a buyer');
      expect(await agent.page.getByRole('button', { name: 'Mark inactive' }).isDisabled()).toBe(true);
      // The agent's own lead: editable.
      await agent.page.goto(appUrl('/leads?q=Patricia'));
      await agent.page.getByTestId('leads-table').getByRole('link', { name: 'Patricia Hall' }).click();
      await agent.page.getByRole('heading', { name: 'Patricia Hall' }).waitFor();
      expect(await agent.page.getByRole('button', { name: 'Edit', exact: true }).isDisabled()).toBe(false);
      await agent.context.close();
    }));

  it("updates a buyer's preferences from the profile and changes its status", () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage();
      await page.goto(appUrl('/buyers'));
      await page.getByRole('button', { name: 'New buyer' }).click();
      await page.getByLabel('Buyer name').fill('Casey Columbus Capital');
      await page.getByLabel('Markets').fill('Columbus, OH');
      await page.getByLabel('Min price').fill('300000');
      await page.getByLabel('Max price').fill('100000');
      await page.getByRole('button', { name: 'Create buyer' }).click();
      await page.getByText('Max price must not be below the min price').waitFor();
      await page.getByLabel('Min price').fill('100000');
      await page.getByLabel('Max price').fill('150000');
      await page.getByRole('button', { name: 'Create buyer' }).click();
      await page.getByRole('heading', { name: 'Casey Columbus Capital' }).waitFor();
      await page.getByText('No open lead fits this buy box.').waitFor();

      await page.getByRole('button', { name: 'Edit preferences' }).click();
      await page.getByLabel('Max price').fill('250000');
      await page.getByRole('button', { name: 'Update preferences' }).click();
      await page.getByText('$100,000 – $250,000').waitFor();
      await page.getByRole('link', { name: 'James Carter' }).waitFor();

      // "Create offer" from the buyer's side: the lead is the matched one, the buyer is this one.
      await page.getByTestId('buyer-match-row').filter({ hasText: 'James Carter' }).getByRole('button', { name: 'Create offer' }).click();
      const offerForm = page.getByRole('form', { name: 'Offer for Casey Columbus Capital' });
      await offerForm.getByLabel('Amount').fill('205000');
      await offerForm.getByRole('button', { name: 'Save offer' }).click();
      await page.getByTestId('offer-row').filter({ hasText: '$205,000' }).waitFor();

      await page.getByRole('button', { name: 'Mark active' }).click();
      await page.getByRole('button', { name: 'Mark new' }).waitFor();
      await page.locator('.detail-title').getByText('Active', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Mark active' }).count()).toBe(0);

      // The buyer's workflow gave the team "Verify proof of funds"; "Schedule meeting" adds a buyer task.
      const tasks = page.getByTestId('buyer-tasks');
      await tasks.getByText('Verify proof of funds: Casey Columbus Capital').waitFor();
      await page.getByRole('button', { name: 'Schedule meeting' }).click();
      await tasks.getByText('Meeting with Casey Columbus Capital').waitFor();
      await page.screenshot({ path: path.join(os.tmpdir(), 'flipstackk-buyer.png'), fullPage: true });

      await page.getByRole('link', { name: 'Buyers', exact: true }).first().click();
      await page.getByTestId('buyers-table').getByRole('link', { name: 'Casey Columbus Capital' }).waitFor();
      await page.screenshot({ path: path.join(os.tmpdir(), 'flipstackk-buyers.png') });
      await context.close();
    }));

  it('closes the view-name field and both dead-reason prompts with Escape, offers a skip link, and greys out fields a role may not change', () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('agent@flipstackk.test');
      await page.goto(appUrl('/leads'));
      await page.getByTestId('leads-table').waitFor();
      // The first Tab from the top of a page reaches the skip link, which moves focus to the content.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to content' });
      expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

      await page.getByRole('button', { name: 'Save view' }).click();
      await page.getByLabel('View name').waitFor();
      await page.keyboard.press('Escape');
      await page.getByLabel('View name').waitFor({ state: 'detached' });

      await page.goto(appUrl('/leads/board'));
      const card = page.getByTestId('column-NEW').getByTestId('board-card').first();
      await card.waitFor();
      await page.screenshot({ path: path.join(os.tmpdir(), 'flipstackk-board.png') });
      await card.getByRole('combobox').selectOption('DEAD');
      const prompt = page.getByRole('dialog', { name: 'Why is this lead dead?' });
      await prompt.waitFor();
      await page.keyboard.press('Escape');
      await prompt.waitFor({ state: 'detached' });

      await card.getByRole('link').click();
      const control = page.getByTestId('status-control');
      await control.getByRole('button', { name: 'Mark dead' }).click();
      await control.getByLabel('Why is it dead?').waitFor();
      await page.keyboard.press('Escape');
      await control.getByLabel('Why is it dead?').waitFor({ state: 'detached' });

      // Settings are the admin's: an agent sees them greyed out, not as boxes to type in.
      await page.goto(appUrl('/settings'));
      const field = page.locator('.field input:disabled').first();
      await field.waitFor();
      expect(await field.evaluate((input) => getComputedStyle(input).backgroundColor)).not.toBe('rgb(255, 255, 255)');
      await context.close();
    }));

  it('offers teammates while typing @ in a note, and writes the handle that notifies them', () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('agent@flipstackk.test');
      // Frames come late, as on a busy machine: the next keystrokes arrive before the next frame.
      await context.addInitScript(() => {
        const nextFrame = window.requestAnimationFrame.bind(window);
        window.requestAnimationFrame = (callback) => nextFrame(() => setTimeout(() => callback(performance.now()), 150));
      });
      await page.goto(appUrl('/leads?q=Linda'));
      await page.getByTestId('leads-table').getByRole('link', { name: 'Linda Nguyen' }).click();
      await page.getByRole('heading', { name: 'Linda Nguyen' }).waitFor();
      const box = page.getByLabel('Note', { exact: true });
      await box.click();
      await box.pressSequentially('Please call back @Sa');
      const suggestions = page.getByRole('listbox', { name: 'Mention a teammate' });
      await suggestions.getByRole('option', { name: /Sam Supervisor/ }).waitFor();
      await page.keyboard.press('Enter');
      await suggestions.waitFor({ state: 'detached' });
      expect(await box.inputValue()).toBe('Please call back @Sam ');
      await box.pressSequentially('today');
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.getByText('Please call back @Sam today').waitFor();

      // A teammate named in the middle of the text: what is typed next goes after the handle.
      await page.waitForFunction((element) => (element as HTMLTextAreaElement).value === '', await box.elementHandle());
      await box.pressSequentially('Ask  about the roof');
      for (let i = 0; i < 'about the roof'.length + 1; i += 1) await page.keyboard.press('ArrowLeft');
      await box.pressSequentially('@Sa');
      await suggestions.getByRole('option', { name: /Sam Supervisor/ }).waitFor();
      await page.keyboard.press('Enter');
      await box.pressSequentially('now');
      expect(await box.inputValue()).toBe('Ask @Sam now about the roof');
      await context.close();
    }));
});
