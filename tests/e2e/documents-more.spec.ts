/// <reference lib="dom" />
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { useBrowserStack } from '../support/browser-stack';
import { waitUntil } from '../support/wait-until';
import { CLIENT_HEADER } from '../../domain/auth/client-header';

jest.setTimeout(240_000);

const { withStackLogs, appUrl, signedIn } = useBrowserStack();

const WAIT = { timeout: 30_000 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
// Several megabytes, still under the 25 MB default limit: long enough an upload to show its progress.
const LARGE_PDF = Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024, 0x20)]);

/** The first item's id of an API list, as the signed-in user sees it. */
async function firstId(page: Page, route: string): Promise<string> {
  return waitUntil(`an item at ${route}`, () => page.evaluate(async (url) => ((await (await fetch(url)).json()) as { items?: Array<{ id: string }> }).items?.[0]?.id, route), 60_000);
}

describe('documents on buyers and offers', () => {
  it("uploads a proof-of-funds letter on a buyer's page and downloads it back", () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('acquisitions@flipstackk.test');
      const buyerId = await firstId(page, '/api/buyers?limit=1');
      await page.goto(appUrl(`/buyers/${buyerId}`));
      const panel = page.getByTestId('documents');
      await panel.getByRole('heading', { name: 'Documents' }).waitFor(WAIT);

      await panel.locator('input[type="file"]').setInputFiles({ name: 'Proof of funds – First Bank.pdf', mimeType: 'application/pdf', buffer: PDF });
      await panel.getByLabel('Kind').selectOption('PROOF_OF_FUNDS');
      await panel.getByLabel('Expires (optional)').fill('2030-03-31');
      await panel.getByRole('button', { name: 'Upload' }).click();

      const row = panel.getByTestId('document-row').filter({ hasText: 'Proof of funds – First Bank.pdf' });
      await row.getByText(`Proof of funds · ${PDF.length} bytes`).waitFor(WAIT);
      await row.getByTestId('document-expiry').getByText(/expires in/).waitFor(WAIT);
      const downloads = await context.newPage();
      const served = await downloads.request.get(appUrl((await row.getByRole('link', { name: 'Download' }).getAttribute('href'))!));
      expect(served.status()).toBe(200);
      expect(served.headers()['content-type']).toBe('application/pdf');
      expect((await served.body()).equals(PDF)).toBe(true);
      // The API lists it on the buyer.
      const listed = await page.evaluate(async (id) => ((await (await fetch(`/api/documents?buyerId=${id}`)).json()) as { items: Array<{ fileName: string; kind: string }> }).items, buyerId);
      expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ fileName: 'Proof of funds – First Bank.pdf', kind: 'PROOF_OF_FUNDS' })]));
      await context.close();
    }));

  it("uploads a large signed contract on an offer's documents, with the progress bar showing until it lists", () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('agent@flipstackk.test');
      // The seeded leads are the demo agent's: they make a purchase offer on one.
      const leadId = await firstId(page, '/api/leads?limit=1');
      const offer = await page.request.post(appUrl('/api/offers'), { headers: { [CLIENT_HEADER]: 'test' }, data: { leadId, kind: 'PURCHASE', amount: 77_700, status: 'SENT' } });
      expect(offer.status()).toBe(201);
      const offerId = ((await offer.json()) as { id: string }).id;

      await page.goto(appUrl(`/leads/${leadId}`));
      const offerRow = page.getByTestId('offer-row').filter({ hasText: '77,700' });
      await offerRow.getByRole('button', { name: 'Documents' }).click();
      const panel = offerRow.getByTestId('documents');
      await panel.getByText('No documents yet.').waitFor(WAIT);

      // A slow uplink (about 1 MB/s), as from a phone in a car: the upload takes a few seconds, so its progress shows.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 8 * 1024 * 1024, uploadThroughput: 1024 * 1024 });

      await panel.locator('input[type="file"]').setInputFiles({ name: 'Signed purchase agreement.pdf', mimeType: 'application/pdf', buffer: LARGE_PDF });
      await panel.getByText(/Signed purchase agreement\.pdf · /).waitFor(WAIT);
      await panel.getByLabel('Kind').selectOption('PURCHASE_CONTRACT');
      await panel.getByRole('button', { name: 'Upload' }).click();

      const progress = panel.getByTestId('upload-progress');
      await progress.waitFor({ state: 'visible', timeout: 60_000 });
      const fraction = Number(await progress.getAttribute('value'));
      expect(fraction).toBeGreaterThanOrEqual(0);
      expect(fraction).toBeLessThanOrEqual(1);

      const row = panel.getByTestId('document-row').filter({ hasText: 'Signed purchase agreement.pdf' });
      await row.waitFor({ timeout: 120_000 });
      await row.getByText(`Purchase contract · `).waitFor(WAIT);
      await progress.waitFor({ state: 'detached', ...WAIT });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

      // Stored on the offer, whole.
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Download' }).click()]);
      expect(download.suggestedFilename()).toBe('Signed purchase agreement.pdf');
      expect(fs.statSync((await download.path())!).size).toBe(LARGE_PDF.length);
      const listed = await page.evaluate(async (id) => ((await (await fetch(`/api/documents?offerId=${id}`)).json()) as { items: Array<{ fileName: string; sizeBytes: number }> }).items, offerId);
      expect(listed).toEqual([expect.objectContaining({ fileName: 'Signed purchase agreement.pdf', sizeBytes: LARGE_PDF.length })]);
      await context.close();
    }));
});

describe('archived documents', () => {
  it('an admin archives a document, finds it under "Show archived", and purges it for good; its lead owner, an agent, sees no archived list', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('admin@flipstackk.test');
      const leadId = await firstId(page, '/api/leads?limit=1');
      await page.goto(appUrl(`/leads/${leadId}`));
      const panel = page.getByTestId('documents');
      await panel.getByRole('heading', { name: 'Documents' }).waitFor(WAIT);

      await panel.locator('input[type="file"]').setInputFiles({ name: 'Superseded inspection.pdf', mimeType: 'application/pdf', buffer: PDF });
      await panel.getByLabel('Kind').selectOption('DISCLOSURE');
      await panel.getByRole('button', { name: 'Upload' }).click();
      const row = panel.getByTestId('document-row').filter({ hasText: 'Superseded inspection.pdf' });
      const fileUrl = appUrl((await row.getByRole('link', { name: 'Download' }).getAttribute('href', WAIT))!);
      await row.getByRole('button', { name: 'Archive' }).click();
      await row.waitFor({ state: 'detached', ...WAIT });

      // The agent who owns the lead: the document is gone from their list, and no archived list is offered.
      const agent = await signedIn('agent@flipstackk.test');
      await agent.page.goto(appUrl(`/leads/${leadId}`));
      const agentPanel = agent.page.getByTestId('documents');
      await agentPanel.getByRole('heading', { name: 'Documents' }).waitFor(WAIT);
      await agentPanel.getByText(/No documents yet\.|Download/).first().waitFor(WAIT);
      expect(await agentPanel.getByText('Superseded inspection.pdf').count()).toBe(0);
      expect(await agentPanel.getByRole('button', { name: /Show archived/ }).count()).toBe(0);
      await agent.context.close();

      await panel.getByRole('button', { name: /^Show archived \(\d+\)$/ }).click();
      const archived = panel.getByTestId('archived-document-row').filter({ hasText: 'Superseded inspection.pdf' });
      await archived.getByText(/Disclosure · \d+ bytes · archived/).waitFor(WAIT);
      await archived.getByRole('button', { name: 'Purge' }).click();
      const dialog = page.getByRole('dialog', { name: 'Purge “Superseded inspection.pdf”?' });
      await dialog.getByText(/deleted for good/).waitFor(WAIT);
      // Cancel keeps it; confirming purges it.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden', ...WAIT });
      expect(await archived.count()).toBe(1);
      await archived.getByRole('button', { name: 'Purge' }).click();
      await dialog.getByRole('button', { name: 'Purge for good' }).click();
      await archived.waitFor({ state: 'detached', ...WAIT });
      expect((await page.request.get(fileUrl)).status()).toBe(404);
      const left = await page.evaluate(async (id) => ((await (await fetch(`/api/documents?leadId=${id}&archived=true`)).json()) as { items: Array<{ fileName: string }> }).items, leadId);
      expect(left.map((doc) => doc.fileName)).not.toContain('Superseded inspection.pdf');
      await context.close();
    }));
});
