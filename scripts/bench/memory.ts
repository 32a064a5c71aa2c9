import fs from 'node:fs';

/** A process's resident memory now and at its peak so far, in MB, from /proc (Linux). */
export function residentMb(pid: number | undefined): { rss: number; peak: number } {
  const status = pid === undefined ? '' : fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** A process and its children (an API's primary and its processes), from /proc (Linux). */
function processTree(pid: number): number[] {
  const tasks = fs.readdirSync(`/proc/${pid}/task`);
  const children = tasks.flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  return [pid, ...children.flatMap(processTree)];
}

/** The largest resident memory, now and at its peak, of a process and its children: each must stay under the target. */
export function largestResidentMb(pid: number | undefined): { rss: number; peak: number; processes: number } {
  const each = pid === undefined ? [] : processTree(pid).map(residentMb);
  return { rss: Math.max(...each.map((one) => one.rss)), peak: Math.max(...each.map((one) => one.peak)), processes: each.length };
}
