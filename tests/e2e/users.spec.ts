/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, browser } = useBrowserStack();

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('flipstackk');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
  return { context, page };
}

const apiGet = <T,>(page: Page, url: string): Promise<{ status: number; body: T }> =>
  page.evaluate(async (path) => {
    const response = await fetch(path);
    return { status: response.status, body: await response.json() };
  }, url);

describe('the Users page', () => {
  it('an admin invites a user who joins through the link, then deactivates an agent, whose leads go to the picked teammate and whose session ends', () =>
    withStackLogs(async () => {
      const admin = await signedIn('admin@flipstackk.test');
      const agent = await signedIn('agent@flipstackk.test');
      await admin.page.getByRole('link', { name: 'Users' }).click();
      await admin.page.getByTestId('user-agent@flipstackk.test').waitFor();

      // Invite: the one-time link is shown once, with a copy button, and e-mailed to the invitee.
      await admin.page.getByRole('button', { name: 'Invite user' }).click();
      await admin.page.getByLabel('Name').fill('Nia Newhire');
      await admin.page.getByLabel('E-mail').fill('nia@flipstackk.test');
      await admin.page.getByLabel('Role', { exact: true }).selectOption('ACQUISITIONS');
      await admin.page.getByRole('button', { name: 'Create invite link' }).click();
      const box = admin.page.getByRole('status', { name: 'Invite link for Nia Newhire' });
      await box.getByText('We e-mailed it to nia@flipstackk.test').waitFor();
      await box.getByRole('button', { name: 'Copy link' }).waitFor();
      const link = await box.getByLabel('Invite link', { exact: true }).inputValue();
      expect(link).toMatch(new RegExp(`^${appUrl('/invite/')}[A-Za-z0-9_-]{43}$`));
      await admin.page.getByTestId('user-nia@flipstackk.test').getByText('Invited').waitFor();

      // The invitee sets a password and is signed in.
      const invitee = await browser().newContext({ viewport: { width: 390, height: 844 } });
      const inviteePage = await invitee.newPage();
      await inviteePage.goto(link);
      await inviteePage.getByRole('heading', { name: 'Welcome, Nia Newhire' }).waitFor();
      await inviteePage.getByLabel('Password', { exact: true }).fill('short');
      await inviteePage.getByRole('button', { name: 'Set password and sign in' }).click();
      await inviteePage.getByText('Password must be at least 12 characters').waitFor();
      await inviteePage.getByLabel('Password', { exact: true }).fill('nia picks a long password');
      await inviteePage.getByLabel('Repeat the password').fill('nia picks a long password');
      await inviteePage.getByRole('button', { name: 'Set password and sign in' }).click();
      await inviteePage.waitForURL(appUrl('/'));
      await inviteePage.getByRole('button', { name: 'Nia Newhire, account menu' }).waitFor();
      // The admin's list follows live; the link is used up.
      await admin.page.getByTestId('user-nia@flipstackk.test').getByText('Active').waitFor();
      await inviteePage.goto(link);
      await inviteePage.getByText('has been used already').waitFor();
      await invitee.close();

      // Deactivate the agent: their open leads go to the supervisor picked in the dialog.
      const agentId = (await apiGet<{ id: string }>(agent.page, '/api/me')).body.id;
      const openLeads = async (ownerId: string) =>
        (await apiGet<{ items: Array<{ id: string; status: string }> }>(admin.page, `/api/leads?ownerId=${ownerId}&limit=100`)).body.items.filter((lead) => !['CLOSED', 'DEAD'].includes(lead.status));
      const agentLeads = (await openLeads(agentId)).map((lead) => lead.id);
      expect(agentLeads.length).toBeGreaterThan(0);
      await admin.page.getByTestId('user-agent@flipstackk.test').getByRole('button', { name: 'Deactivate' }).click();
      const dialog = admin.page.getByRole('dialog', { name: 'Deactivate Avery Agent?' });
      await dialog.getByText(`owns ${agentLeads.length} open lead`).waitFor();
      await dialog.getByRole('button', { name: 'Deactivate' }).click();
      await dialog.getByText('Move their open leads to is required: pick who takes their leads').waitFor();
      await dialog.getByLabel('Move their open leads to').selectOption({ label: 'Sam Supervisor' });
      await dialog.getByRole('button', { name: 'Deactivate' }).click();
      await admin.page.getByRole('status').filter({ hasText: 'Avery Agent is deactivated and signed out everywhere.' }).waitFor();
      await admin.page.getByTestId('user-agent@flipstackk.test').getByRole('button', { name: 'Reactivate' }).waitFor();

      expect(await openLeads(agentId)).toEqual([]);
      const supervisorId = (await apiGet<{ items: Array<{ id: string; email: string }> }>(admin.page, '/api/users')).body.items.find((user) => user.email === 'supervisor@flipstackk.test')!.id;
      expect((await openLeads(supervisorId)).map((lead) => lead.id)).toEqual(expect.arrayContaining(agentLeads));
      const agentTasks = await apiGet<{ items: unknown[] }>(admin.page, `/api/tasks?view=team&assigneeId=${agentId}&status=CREATED,ASSIGNED,IN_PROGRESS,PENDING_REVIEW`);
      expect(agentTasks.body.items).toEqual([]);

      // The agent's session is over: their next request is refused and the app shows the sign-in.
      expect((await apiGet(agent.page, '/api/me')).status).toBe(401);
      await agent.page.goto(appUrl('/'));
      await agent.page.waitForURL(appUrl('/login'));
      await Promise.all([admin.context.close(), agent.context.close()]);
    }));
});
