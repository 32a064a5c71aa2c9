import { calendarSpan } from '../../web/src/features/tasks/calendar-span';

// Local times, as the calendar draws them (whatever zone the machine is in).
const at = (hours: number, minutes = 0) => new Date(2026, 11, 8, hours, minutes);

describe('where the task calendar draws a task', () => {
  it('takes the hour from its due time', () => {
    expect(calendarSpan(at(14, 30))).toEqual({ start: at(14, 30), end: at(15, 30) });
    expect(calendarSpan(at(22, 59))).toEqual({ start: at(22, 59), end: at(23, 59) });
  });

  it('ends a task due in the day\'s last hour with that day, so it is listed and drawn on its own day only', () => {
    const { start, end } = calendarSpan(at(23, 30));
    expect(start).toEqual(at(23, 30));
    expect(end.getDate()).toBe(8);
    expect(end.getTime()).toBe(new Date(2026, 11, 9).getTime() - 1);
    expect(calendarSpan(at(23, 59)).end.getDate()).toBe(8);
  });
});
