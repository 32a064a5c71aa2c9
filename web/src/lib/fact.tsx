import type { ReactNode } from 'react';

/**
 * One fact of a record's facts list (`<dl className="facts">`). `across`: on a phone it takes the
 * whole row, for the contact lines: an e-mail address is one long word, which a half-width cell
 * breaks mid-word, and the phone beside it would leave half a row empty.
 */
export function Fact({ label, across = false, children }: { label: string; across?: boolean; children: ReactNode }) {
  return (
    <div className={across ? 'fact-across' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
