import { Command } from 'cmdk';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/use-me';
import { useShellActions, type CreateKind } from '../shell/shell-actions';
import { CREATE_LABELS, leadOnPage, SHELL_PAGES } from '../shell/shell-pages';
import { HighlightedText } from './highlighted-text';
import { pathOf, type SearchItem } from './search.api';
import { useMayCreate } from '../shell/use-may-create';
import { useSearch } from './use-search';
import './command-palette.css';

const GROUPS: Array<[SearchItem['type'], string]> = [
  ['lead', 'Leads'],
  ['buyer', 'Buyers'],
  ['task', 'Tasks'],
];
const FIELD_LABELS: Record<string, string> = { phone: 'Phone', apn: 'APN', street: 'Street', city: 'City', zip: 'ZIP', email: 'E-mail', company: 'Company', markets: 'Markets' };
const TITLE_FIELDS = new Set(['name', 'title']);
const itemValue = (item: { type: string; id: string }) => `${item.type}:${item.id}`;

function ResultItem({ item, onSelect }: { item: SearchItem; onSelect: () => void }) {
  const inTitle = TITLE_FIELDS.has(item.highlight.field);
  return (
    <Command.Item value={itemValue(item)} onSelect={onSelect} className="palette-item">
      <span className="palette-item-title">{inTitle ? <HighlightedText parts={item.highlight.parts} /> : item.title}</span>
      {!inTitle && (
        <span className="palette-item-match">
          {FIELD_LABELS[item.highlight.field] ?? item.highlight.field}: <HighlightedText parts={item.highlight.parts} />
        </span>
      )}
      {item.subtitle && <span className="palette-item-subtitle">{item.subtitle}</span>}
    </Command.Item>
  );
}

/**
 * Find anything (Ctrl-K / Cmd-K, `/`, the top bar's search button): leads, buyers and tasks as
 * you type, pages to go to and things to create. Arrow keys move, Enter opens, Esc closes.
 * `before` is shown above everything while nothing is typed (recent items, favorites).
 */
export function CommandPalette({ onClose, before }: { onClose: () => void; before?: (select: (path: string) => void) => ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const { openCreate, openLogCall } = useShellActions();
  const mayCreate = useMayCreate();
  const { pathname } = useLocation();
  const isAdmin = useMe().data?.role === 'ADMIN';
  const [text, setText] = useState('');
  const [selected, setSelected] = useState('');
  const search = useSearch(text);
  const needle = text.trim().toLowerCase();
  const results = needle && search.q ? (search.data?.items ?? []) : [];

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // The field, not the dialog, has the focus: typing searches at once.
    input.current?.focus();
    return () => element?.close();
  }, []);
  // When the results for what is typed arrive, the best one is selected: Enter opens it.
  const first = search.settled && needle && search.data?.items[0] ? itemValue(search.data.items[0]) : undefined;
  const [selectedFirst, setSelectedFirst] = useState<string>();
  if (first && first !== selectedFirst) {
    setSelectedFirst(first);
    setSelected(first);
  }

  const go = (path: string) => {
    onClose();
    void navigate(path);
  };
  const create = (kind: CreateKind) => {
    onClose();
    openCreate(kind);
  };
  const matches = (label: string) => !needle || label.toLowerCase().includes(needle);
  const pages = SHELL_PAGES.filter((page) => (!page.adminOnly || isAdmin) && matches(`${page.label} go to`));
  const creates = (Object.keys(CREATE_LABELS) as CreateKind[]).filter((kind) => mayCreate(kind) && matches(`${CREATE_LABELS[kind]} create`));
  // On a lead's page "Log a call" opens the outcome picker for that lead; elsewhere the queue, where calls are made.
  const callLead = leadOnPage(pathname);
  const actions = [
    {
      value: 'action:log-call',
      label: 'Log a call',
      hint: callLead ? 'on this lead' : 'in my call queue',
      run: () => {
        onClose();
        if (callLead) openLogCall(callLead);
        else void navigate('/queue');
      },
    },
    { value: 'action:queue', label: 'Open my queue', hint: 'who to call next', run: () => go('/queue') },
  ].filter((action) => matches(`${action.label} call queue`));

  return (
    <dialog
      ref={dialog}
      className="dialog palette-dialog"
      aria-label="Find anything"
      onCancel={onClose}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === dialog.current) onClose();
      }}
    >
      <Command label="Find anything" shouldFilter={false} loop value={selected} onValueChange={setSelected} className="palette">
        <Command.Input value={text} onValueChange={setText} placeholder="Find a lead, buyer or task — a name, address or phone" className="palette-input" ref={input} />
        <Command.List className="palette-list">
          {needle && search.isFetching && <Command.Loading>Searching…</Command.Loading>}
          {search.isError && <p className="palette-note alert alert-error">{search.error.message}</p>}
          {needle && search.settled && <Command.Empty className="palette-note">Nothing matches “{text.trim()}”.</Command.Empty>}
          {!needle && before?.(go)}
          {GROUPS.map(([type, heading]) => {
            const items = results.filter((item) => item.type === type);
            return items.length ? (
              <Command.Group key={type} heading={heading}>
                {items.map((item) => (
                  <ResultItem key={itemValue(item)} item={item} onSelect={() => go(pathOf(item))} />
                ))}
              </Command.Group>
            ) : null;
          })}
          {actions.length > 0 && (
            <Command.Group heading="Actions">
              {actions.map((action) => (
                <Command.Item key={action.value} value={action.value} onSelect={action.run} className="palette-item palette-item-row">
                  <span className="palette-item-title">{action.label}</span>
                  <span className="palette-item-subtitle">{action.hint}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {creates.length > 0 && (
            <Command.Group heading="Create">
              {creates.map((kind) => (
                <Command.Item key={kind} value={`create:${kind}`} onSelect={() => create(kind)} className="palette-item">
                  <span className="palette-item-title">{CREATE_LABELS[kind]}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {pages.length > 0 && (
            <Command.Group heading="Go to">
              {pages.map((page) => (
                <Command.Item key={page.path} value={`page:${page.path}`} onSelect={() => go(page.path)} className="palette-item palette-item-row">
                  <span className="palette-item-title">{page.label}</span>
                  {page.keys && <kbd>{page.keys}</kbd>}
                </Command.Item>
              ))}
            </Command.Group>
          )}
        </Command.List>
      </Command>
    </dialog>
  );
}
