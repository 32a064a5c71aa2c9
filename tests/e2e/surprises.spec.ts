/// <reference lib="dom" />
import { useBrowserStack } from '../support/browser-stack';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, signedIn: signedInPage, send } = useBrowserStack();


describe('what must stop surprising people', () => {
  it("a DEAD lead's page no longer offers its matching buyers with \"Create offer\"", () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('supervisor@flipstackk.test');
      // A buyer whose buy box is a whole town, and a lead in that town: a match.
      await send(page, '/api/buyers', { name: 'Springboro Cash Buyer', markets: ['Springboro, OH'] });
      const lead = await send(page, '/api/leads', { sellerName: 'Della Dead', street: '9 Elm St', city: 'Springboro', state: 'OH', zip: '45066', propertyType: 'SFR', askingPrice: 80_000, source: 'DIRECT_MAIL' });

      await page.goto(appUrl(`/leads/${lead.id}`));
      const matches = page.getByTestId('lead-matches');
      const row = matches.getByTestId('match-row').filter({ hasText: 'Springboro Cash Buyer' });
      await row.getByRole('button', { name: 'Create offer' }).waitFor();

      await send(page, `/api/leads/${lead.id}/status`, { status: 'DEAD', reason: 'NOT_MOTIVATED' });
      await page.reload();
      await page.getByRole('heading', { name: 'Della Dead' }).waitFor();
      await matches.getByText('This lead is dead: it is offered to no buyer.').waitFor();
      expect(await matches.getByTestId('match-row').count()).toBe(0);
      expect(await matches.getByRole('button', { name: 'Create offer' }).count()).toBe(0);
      await context.close();
    }));

  it("a CLOSED lead's page offers no matching buyers and no \"Create offer\"", () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('supervisor@flipstackk.test');
      await send(page, '/api/buyers', { name: 'Centerville Cash Buyer', markets: ['Centerville, OH'] });
      const lead = await send(page, '/api/leads', { sellerName: 'Cleo Closed', street: '21 Maple St', city: 'Centerville', state: 'OH', zip: '45459', propertyType: 'SFR', askingPrice: 90_000, source: 'DIRECT_MAIL' });

      await page.goto(appUrl(`/leads/${lead.id}`));
      const matches = page.getByTestId('lead-matches');
      await matches.getByTestId('match-row').filter({ hasText: 'Centerville Cash Buyer' }).getByRole('button', { name: 'Create offer' }).waitFor();

      // Through the pipeline to the end: qualified, under contract, closed.
      for (const status of ['QUALIFIED', 'UNDER_CONTRACT', 'CLOSED']) await send(page, `/api/leads/${lead.id}/status`, { status });
      await page.reload();
      await page.getByRole('heading', { name: 'Cleo Closed' }).waitFor();
      await matches.getByText('This lead is closed: its deal is done.').waitFor();
      expect(await matches.getByTestId('match-row').count()).toBe(0);
      // Nor does its offers card: the deal is done.
      await page.getByTestId('offers').getByText('No offers yet.').waitFor();
      expect(await page.getByRole('button', { name: 'Create offer' }).count()).toBe(0);
      await context.close();
    }));

  it("the buyer form sets strategies and the proof-of-funds amount and expiry, and the profile shows them", () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('acquisitions@flipstackk.test');
      await page.goto(appUrl('/buyers'));
      await page.getByRole('button', { name: 'New buyer' }).click();
      await page.getByLabel('Buyer name').fill('Polly Proof Funds');
      await page.getByLabel('Markets').fill('Kettering, OH');
      await page.getByLabel('Flip').check();
      await page.getByLabel('Proof of funds', { exact: true }).fill('250000');
      await page.getByLabel('Proof of funds expires').fill('2031-05-20');
      await page.getByRole('button', { name: 'Create buyer' }).click();
      await page.getByRole('heading', { name: 'Polly Proof Funds' }).waitFor();
      const buyerId = new URL(page.url()).pathname.split('/').pop()!;

      const facts = page.locator('.facts');
      await facts.getByText('$250,000').waitFor();
      await facts.getByText('Flip', { exact: true }).waitFor();
      await facts.getByText(/May 20, 2031/).waitFor();

      // Edited later: another strategy, a new expiry (which re-arms the reminders).
      await page.getByRole('button', { name: 'Edit preferences' }).click();
      expect(await page.getByLabel('Proof of funds expires').inputValue()).toBe('2031-05-20');
      await page.getByLabel('Rental').check();
      await page.getByLabel('Proof of funds expires').fill('2031-07-04');
      await page.getByRole('button', { name: 'Update preferences' }).click();
      await facts.getByText('Flip, Rental').waitFor();
      await facts.getByText(/Jul 4, 2031/).waitFor();

      const saved = await (await page.request.get(appUrl(`/api/buyers/${buyerId}`))).json();
      expect(saved).toMatchObject({ strategies: ['FLIP', 'RENTAL'], proofOfFundsAmount: 250_000 });
      const expires = new Date(saved.pofExpiresAt);
      expect([expires.getFullYear(), expires.getMonth(), expires.getDate()]).toEqual([2031, 6, 4]);
      await context.close();
    }));

  it("a supervisor reassigns a lead from its page: the owner changes and the lead's open tasks follow", () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('supervisor@flipstackk.test');
      const lead = await send(page, '/api/leads', { sellerName: 'Rhea Reassign', street: '4 Pine St', city: 'Dayton', state: 'OH', zip: '45402', propertyType: 'SFR', askingPrice: 70_000, source: 'DIRECT_MAIL' });
      await page.goto(appUrl(`/leads/${lead.id}`));
      await page.getByTestId('lead-tasks').getByText('Contact lead within 1 hour').waitFor();
      await page.getByLabel('Reassign to').selectOption({ label: 'Avery Agent' });
      await page.getByRole('button', { name: 'Reassign', exact: true }).click();
      await page.getByTestId('lead-owner').getByText('Avery Agent').waitFor();
      const users = (await (await page.request.get(appUrl('/api/users'))).json()) as { items: Array<{ id: string; name: string }> };
      const avery = users.items.find((user) => user.name === 'Avery Agent')!.id;
      // The open tasks move through their workflows, a moment after the lead.
      await waitUntil("the lead's open tasks assigned to Avery", async () => {
        const tasks = (await (await page.request.get(appUrl(`/api/tasks?leadId=${lead.id}&view=team`))).json()) as { items: Array<{ assigneeId: string | null }> };
        return tasks.items.length > 0 && tasks.items.every((task) => task.assigneeId === avery);
      });
      await context.close();
    }));
});
