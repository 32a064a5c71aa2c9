import type { ReactNode } from 'react';

/**
 * The page of a record that no longer changes (merged or archived): a notice above its facts on
 * one side, what can still be read (its tasks, its history) on the other.
 */
export function FrozenRecordLayout({ notice, title, titleId, facts, aside }: { notice: ReactNode; title: string; titleId: string; facts: ReactNode; aside: ReactNode }) {
  return (
    <div className="detail-grid">
      <div className="stack">
        {notice}
        <section className="card" aria-labelledby={titleId}>
          <header className="card-header">
            <h2 id={titleId}>{title}</h2>
          </header>
          <div className="card-body">{facts}</div>
        </section>
      </div>
      <div className="stack">{aside}</div>
    </div>
  );
}
