import type { ReactNode } from 'react';

/**
 * One fact of a record's facts list (`<dl className="facts">`). `across`: on a phone it takes the
 * whole row, for a value that is one long word (an e-mail address), which a half-width cell breaks
 * mid-word.
 */
export function Fact({ label, across = false, children }: { label: string; across?: boolean; children: ReactNode }) {
  return (
    <div className={across ? 'fact-across' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
