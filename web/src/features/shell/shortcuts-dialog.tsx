import { useEffect, useRef } from 'react';
import { SHELL_PAGES } from './shell-pages';

const KEYS: Array<[string[], string]> = [
  [['Ctrl K', '⌘ K'], 'Find anything, go to a page, create'],
  [['/'], 'Find anything'],
  ...SHELL_PAGES.filter((page) => page.keys).map((page): [string[], string] => [[page.keys!], `Go to ${page.label.toLowerCase()}`]),
  [['c'], 'Create what fits the page (lead, buyer or task)'],
  [['?'], 'This list'],
  [['↑ ↓', 'Enter'], 'Move through results, open one'],
  [['Esc'], 'Close'],
];

/** The `?` cheat sheet: every keyboard shortcut. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="dialog shortcuts-dialog" aria-labelledby="shortcuts-title" onCancel={onClose} onClose={onClose}>
      <div className="dialog-body">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcut-list">
          {KEYS.map(([keys, what]) => (
            <div key={what} className="shortcut-row">
              <dt>
                {keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <div className="form-actions-row">
          <button type="button" className="button" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
