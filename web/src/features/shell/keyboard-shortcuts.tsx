import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { defaultKeybindingsHandlerIgnore, tinykeys } from 'tinykeys';
import { useShellActions } from './shell-actions';
import { createKindFor, SHELL_PAGES } from './shell-pages';

/** Keys typed in a field, or in an open dialog, are the field's or the dialog's. */
const ignore = (event: KeyboardEvent): boolean =>
  defaultKeybindingsHandlerIgnore(event) || (event.target instanceof Element && event.target.closest('dialog[open], [aria-modal="true"]') !== null);

/**
 * The keyboard layer of every signed-in page: Ctrl-K / Cmd-K (even in a field) and `/` open the
 * palette, `g d|l|b|t|q` go to a page, `c` creates what fits the page, `?` shows the cheat sheet.
 */
export function KeyboardShortcuts() {
  // navigate changes with the page; the bindings stay subscribed once, or a sequence half typed
  // while the page changes ('g' as the URL moves, then 'b') would be dropped.
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);
  const { openPalette, openCreate, openCheatSheet } = useShellActions();

  useEffect(
    () =>
      tinykeys(
        window,
        {
          '$mod+k': (event) => {
            event.preventDefault();
            openPalette();
          },
        },
        { ignore: (event) => event.repeat },
      ),
    [openPalette],
  );

  useEffect(() => {
    // One binding for every 'g x': tinykeys stops at the binding that fires and leaves the other
    // sequences half matched, so 'g l' then at once 'g b' would miss with one binding per page.
    const paths = new Map(SHELL_PAGES.filter((page) => page.keys).map((page) => [page.keys!.split(' ')[1]!, page.path]));
    return tinykeys(
      window,
      {
        [`g (${[...paths.keys()].join('|')})`]: (event) => {
          const path = paths.get(event.key.toLowerCase());
          if (path) void navigateRef.current(path);
        },
        '/': (event) => {
          event.preventDefault();
          openPalette();
        },
        c: (event) => {
          event.preventDefault();
          openCreate(createKindFor(window.location.pathname));
        },
        '[Shift]+?': (event) => {
          event.preventDefault();
          openCheatSheet();
        },
      },
      { ignore },
    );
  }, [openPalette, openCreate, openCheatSheet]);

  return null;
}
