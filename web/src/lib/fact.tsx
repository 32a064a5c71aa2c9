import type { ReactNode } from 'react';

/** A fact as a page lists it before drawing: `across` as for `Fact`. */
export interface FactLine {
  label: string;
  value: ReactNode;
  across?: boolean;
}

/**
 * One fact of a record's facts list (`<dl className="facts">`). `across`: on a phone it takes the
 * whole row, for the contact lines: an e-mail address is one long word, which a half-width cell
 * breaks mid-word, and the phone beside it would leave half a row empty. `valueClass`: the value's
 * class (`chips` for a list of tags).
 */
export function Fact({ label, across = false, valueClass, children }: { label: string; across?: boolean; valueClass?: string; children: ReactNode }) {
  return (
    <div className={across ? 'fact-across' : undefined}>
      <dt>{label}</dt>
      <dd className={valueClass}>{children}</dd>
    </div>
  );
}
