import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../layout/use-dismiss';
import { useShellActions, type CreateKind } from './shell-actions';
import { CREATE_LABELS } from './shell-pages';
import { useMayCreate } from './use-may-create';

const isMac = typeof navigator === 'object' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The top bar's search button (the palette; the only way in on a phone). */
export function SearchButton() {
  const { openPalette } = useShellActions();
  return (
    <button type="button" className="topbar-search" aria-label="Find anything" aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'} onClick={openPalette}>
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <path d="M9 15A6 6 0 1 0 9 3a6 6 0 0 0 0 12ZM13.5 13.5 17 17" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <span className="topbar-search-text">Find anything</span>
      <kbd>{isMac ? '⌘ K' : 'Ctrl K'}</kbd>
    </button>
  );
}

/** "+": a new lead, buyer or task in a dialog over the page. */
export function QuickCreateButton() {
  const { openCreate } = useShellActions();
  const mayCreate = useMayCreate();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close);
  const create = (kind: CreateKind) => {
    close();
    openCreate(kind);
  };
  return (
    <div className="menu-root" ref={root}>
      <button type="button" className="icon-button" aria-label="Create" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path d="M10 4v12M4 10h12" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" />
        </svg>
      </button>
      {open && (
        <div className="dropdown quick-create-menu" role="menu">
          {(Object.keys(CREATE_LABELS) as CreateKind[]).filter(mayCreate).map((kind) => (
            <button key={kind} type="button" role="menuitem" className="menu-item" onClick={() => create(kind)}>
              {CREATE_LABELS[kind]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
