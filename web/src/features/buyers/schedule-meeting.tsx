import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSubmissionKey } from '../../lib/submission-key';
import { createTask } from '../tasks/tasks.api';

/** The next full hour tomorrow, as a `datetime-local` value. */
function tomorrowAtNextHour(): string {
  const date = new Date(Date.now() + 24 * 3_600_000);
  date.setMinutes(0, 0, 0);
  date.setHours(date.getHours() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:00`;
}

/** "Schedule meeting": a buyer task the acquisitions team gets, due at the meeting time. */
export function ScheduleMeeting({ buyer }: { buyer: { id: string; name: string } }) {
  const queryClient = useQueryClient();
  const [when, setWhen] = useState(tomorrowAtNextHour);
  const submission = useSubmissionKey();
  const schedule = useMutation({
    mutationFn: () => {
      const task = { title: `Meeting with ${buyer.name}`, type: 'BUYER' as const, priority: 'MEDIUM' as const, dueAt: new Date(when).toISOString(), buyerId: buyer.id };
      return submission.send(task, (key) => createTask(task, key));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });
  // A meeting is scheduled ahead; a time already gone is a slip, not something to log.
  const [tooLate, setTooLate] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const late = new Date(when).getTime() < Date.now();
    setTooLate(late);
    if (!late) schedule.mutate();
  };
  return (
    <form className="card-body schedule-meeting" onSubmit={submit} aria-label="Schedule meeting">
      <label className="field">
        <span>Meeting time</span>
        <input type="datetime-local" value={when} required onChange={(event) => setWhen(event.target.value)} />
      </label>
      <button type="submit" className="button button-secondary" disabled={schedule.isPending || !when}>
        {schedule.isPending ? 'Scheduling…' : 'Schedule meeting'}
      </button>
      {tooLate && <p className="alert alert-error">That time has passed: pick a meeting time ahead.</p>}
      {schedule.isError && <p className="alert alert-error">{schedule.error.message}</p>}
      {schedule.isSuccess && <p className="form-success">Meeting scheduled.</p>}
    </form>
  );
}
