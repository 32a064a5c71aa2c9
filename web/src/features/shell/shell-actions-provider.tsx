import { useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { lazyComponent } from '../../lib/lazy-component';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { ShellActionsContext, type CreateKind, type ShellActions } from './shell-actions';
import { useMayCreate } from './use-may-create';
import './shell.css';

// Each overlay's code (the palette's, the forms' and their schemas) is fetched when it first opens.
const CommandPalette = lazyComponent(() => import('../search/command-palette').then((module) => module.CommandPalette));
const QuickCreateDialog = lazyComponent(() => import('./quick-create-dialog').then((module) => module.QuickCreateDialog));
const ShortcutsDialog = lazyComponent(() => import('./shortcuts-dialog').then((module) => module.ShortcutsDialog));
const LogCallDialog = lazyComponent(() => import('../queue/log-call-dialog').then((module) => module.LogCallDialog));

type Overlay = { what: 'palette' } | { what: 'create'; kind: CreateKind } | { what: 'shortcuts' } | { what: 'log-call'; leadId: string };

/**
 * The app shell's overlays — the palette, quick create, the shortcut cheat sheet and "Log a call" — one at a
 * time, and the keyboard layer that opens them; closed when the page changes.
 * `paletteTop` draws the palette's first groups while nothing is typed.
 */
export function ShellActionsProvider({ children, paletteTop }: { children: ReactNode; paletteTop?: (select: (path: string) => void) => ReactNode }) {
  const { pathname } = useLocation();
  // An overlay belongs to the page it was opened on: going elsewhere closes it.
  const [opened, setOpened] = useState<{ overlay: Overlay; on: string } | null>(null);
  const open = opened?.on === pathname ? opened.overlay : null;
  const actions = useMemo<ShellActions>(
    () => ({
      openPalette: () => setOpened({ overlay: { what: 'palette' }, on: window.location.pathname }),
      openCreate: (kind) => setOpened({ overlay: { what: 'create', kind }, on: window.location.pathname }),
      openCheatSheet: () => setOpened({ overlay: { what: 'shortcuts' }, on: window.location.pathname }),
      openLogCall: (leadId) => setOpened({ overlay: { what: 'log-call', leadId }, on: window.location.pathname }),
    }),
    [],
  );
  const close = () => setOpened(null);
  // `c` on a page whose record the user may not create (an agent on the buyers) opens nothing.
  const mayCreate = useMayCreate();

  return (
    <ShellActionsContext.Provider value={actions}>
      {children}
      <KeyboardShortcuts />
      {open?.what === 'palette' && <CommandPalette onClose={close} before={paletteTop} />}
      {open?.what === 'create' && mayCreate(open.kind) && <QuickCreateDialog kind={open.kind} onClose={close} />}
      {open?.what === 'shortcuts' && <ShortcutsDialog onClose={close} />}
      {open?.what === 'log-call' && <LogCallDialog leadId={open.leadId} onClose={close} />}
    </ShellActionsContext.Provider>
  );
}
