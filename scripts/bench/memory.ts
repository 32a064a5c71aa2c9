import fs from 'node:fs';

/** A process's resident memory now and at its peak so far, in MB, from /proc (Linux). */
export function residentMb(pid: number | undefined): { rss: number; peak: number } {
  const status = pid === undefined ? '' : fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}
