import { useCallback, useEffect, useState, type RefObject } from 'react';
import { useLocation } from 'react-router';
import { flushSync } from 'react-dom';
import { useMediaQuery } from '../../lib/use-media-query';

/** Below this width the sidebar is a drawer behind the menu button (app-shell.css says the same). */
export const DRAWER_QUERY = '(max-width: 960px)';

/**
 * The navigation drawer of narrow screens: opening it moves focus into it; Escape, the backdrop
 * or the close button shut it and give focus back to the menu button; following a link shuts it.
 */
export function useDrawer(menuButton: RefObject<HTMLButtonElement | null>, drawer: RefObject<HTMLElement | null>) {
  const narrow = useMediaQuery(DRAWER_QUERY);
  const [wanted, setWanted] = useState(false);
  const open = wanted && narrow;
  const { pathname } = useLocation();

  const [seenPath, setSeenPath] = useState(pathname);
  if (seenPath !== pathname) {
    setSeenPath(pathname);
    setWanted(false);
  }

  const close = useCallback(() => {
    // The page stops being inert first: only then can the menu button take focus back.
    flushSync(() => setWanted(false));
    menuButton.current?.focus();
  }, [menuButton]);

  useEffect(() => {
    if (!open) return;
    drawer.current?.querySelector<HTMLElement>('a[aria-current="page"], a')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, close, drawer]);

  return { open, toggle: () => setWanted(!open), close };
}
