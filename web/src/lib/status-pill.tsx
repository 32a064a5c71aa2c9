import { optionLabel } from './format';

/** A coloured status pill; the colour comes from the status name, so every entity shares one palette. */
export function StatusPill({ status }: { status: string }) {
  return <span className={`status-pill status-${status.toLowerCase().replaceAll('_', '-')}`}>{optionLabel(status)}</span>;
}
