/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, signedIn } = useBrowserStack();

async function taskOf(page: Page, taskId: string): Promise<{ dueAt: string; status: string }> {
  return (await (await page.request.get(appUrl(`/api/tasks/${taskId}`))).json()) as { dueAt: string; status: string };
}

async function waitForTask(page: Page, taskId: string, matches: (task: { dueAt: string; status: string }) => boolean): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const task = await taskOf(page, taskId);
    if (matches(task)) return task.dueAt;
    if (Date.now() > deadline) throw new Error(`task ${taskId} is still ${task.status}, due ${task.dueAt}`);
    await page.waitForTimeout(250);
  }
}

describe('the task calendar', () => {
  it('a task dragged to another day can be put back with the toast\'s Undo', () =>
    withStackLogs(async () => {
      // Acquisitions has few tasks of their own: the day's cell shows ours, not "+3 more".
      const { context, page } = await signedIn('acquisitions@flipstackk.test');
      const title = `Drag me back ${Date.now()}`;
      const due = new Date();
      due.setDate(due.getDate() + 2);
      due.setHours(10, 0, 0, 0);
      const me = (await (await page.request.get(appUrl('/api/me'))).json()) as { id: string };
      const created = await page.request.post(appUrl('/api/tasks'), { headers: { [CLIENT_HEADER]: 'test' }, data: { title, dueAt: due.toISOString(), priority: 'HIGH', assigneeId: me.id } });
      expect(created.status()).toBe(201);
      const task = (await created.json()) as { id: string; dueAt: string };
      // Its workflow assigns it a moment later; that change refreshes the calendar, which would drop a drag under way.
      await waitForTask(page, task.id, ({ status }) => status === 'ASSIGNED');

      await page.goto(appUrl('/tasks/calendar'));
      const calendar = page.getByTestId('task-calendar');
      await calendar.locator('.rbc-month-view').waitFor();
      // Two days ahead may be in next month's page.
      const nextMonth = due.getMonth() !== new Date().getMonth();
      if (nextMonth) await page.getByRole('button', { name: 'Next' }).click();
      const event = calendar.locator('.rbc-event').filter({ hasText: title });
      await event.waitFor().catch(async (error: unknown) => {
        await page.screenshot({ path: '/tmp/calendar-failure.png', fullPage: true });
        throw error;
      });

      await page.locator('[data-testid="task-calendar"][aria-busy="false"]').waitFor();
      // The day beside it in the same week row: the next one, or the one before on the last day of the week.
      const box = (await event.boundingBox())!;
      const target = await event.evaluate((element, x) => {
        const row = element.closest('.rbc-month-row')!;
        const cells = Array.from(row.querySelectorAll('.rbc-day-bg')).map((cell) => cell.getBoundingClientRect());
        const column = cells.findIndex((cell) => x >= cell.left && x < cell.right);
        const next = cells[column < cells.length - 1 ? column + 1 : column - 1]!;
        return { x: next.left + next.width / 2, y: next.top + next.height * 0.75 };
      }, box.x + box.width / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 5, box.y + box.height / 2 + 5, { steps: 3 });
      await page.mouse.move(target.x, target.y, { steps: 12 });
      await page.mouse.up();

      const toast = page.getByTestId('undo-toast');
      await toast.getByText(`Moved ${title} to`).waitFor();
      const moved = await waitForTask(page, task.id, ({ dueAt }) => dueAt !== task.dueAt);
      expect(new Date(moved).toDateString()).not.toBe(new Date(task.dueAt).toDateString());
      expect(Math.abs(Date.parse(moved) - Date.parse(task.dueAt))).toBeLessThanOrEqual(2 * 86_400_000);

      await toast.getByRole('button', { name: 'Undo' }).click();
      await waitForTask(page, task.id, ({ dueAt }) => dueAt === task.dueAt);
      await toast.waitFor({ state: 'detached' });
      // The calendar shows it back on its day, after a reload too.
      await page.reload();
      if (nextMonth) await page.getByRole('button', { name: 'Next' }).click();
      const back = (await page.getByTestId('task-calendar').locator('.rbc-event').filter({ hasText: title }).boundingBox())!;
      expect(Math.abs(back.x - box.x)).toBeLessThan(box.width / 2);
      await context.close();
    }));

  it('draws the calendar in the app\'s colours and type, not the library\'s', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('agent@flipstackk.test');
      await page.goto(appUrl('/tasks/calendar'));
      const calendar = page.getByTestId('task-calendar');
      await calendar.locator('.rbc-month-view').waitFor();
      const looks = await calendar.evaluate((element) => {
        const style = (selector: string) => getComputedStyle(element.querySelector(selector)!);
        const app = getComputedStyle(document.documentElement);
        return {
          appFont: getComputedStyle(document.body).fontFamily,
          font: style('.rbc-calendar').fontFamily,
          activeButton: style('.rbc-toolbar button.rbc-active').backgroundColor,
          primary50: app.getPropertyValue('--primary-50').trim(),
          monthBorder: style('.rbc-month-view').borderTopColor,
          today: element.querySelector('.rbc-today') ? style('.rbc-today').backgroundColor : null,
        };
      });
      expect(looks.font).toBe(looks.appFont);
      // #eef2ff, the app's --primary-50, where the library draws #e6e6e6 and #eaf6ff.
      expect(looks.primary50).toBe('#eef2ff');
      expect(looks.activeButton).toBe('rgb(238, 242, 255)');
      if (looks.today !== null) expect(looks.today).toBe('rgb(238, 242, 255)');
      // --border (#e2e7ee), not the library's #ddd.
      expect(looks.monthBorder).toBe('rgb(226, 231, 238)');
      await context.close();
    }));
});
