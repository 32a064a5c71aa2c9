import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { useEscape } from '../../lib/use-escape';
import { deleteSavedView, listSavedViews, saveView, type SavedView } from './leads.api';

interface SavedViewsProps {
  page: string;
  /** The current filters and sort, as the page's URL query carries them. */
  current: Record<string, string>;
  onApply: (query: Record<string, string>) => void;
}

const sameQuery = (a: Record<string, string>, b: Record<string, string>): boolean =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Named filter sets per user: pick one to apply it, save the current one under a name (the same name replaces). */
export function SavedViews({ page, current, onApply }: SavedViewsProps) {
  const queryClient = useQueryClient();
  const key = ['me', 'saved-views', page];
  const views = useQuery({ queryKey: key, queryFn: () => listSavedViews(page) });
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  useEscape(naming, useCallback(() => setNaming(false), []));
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const save = useMutation({
    mutationFn: (viewName: string) => saveView(page, viewName, current),
    onSuccess: () => {
      setNaming(false);
      setName('');
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: (view: SavedView) => deleteSavedView(view.id), onSuccess: refresh });
  const items = views.data?.items ?? [];
  const active = items.find((view) => sameQuery(view.query, current));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) save.mutate(name.trim());
  };

  return (
    <div className="saved-views">
      <div className="field">
        <label className="field-label" htmlFor="saved-view">
          Saved view
        </label>
        <select
          id="saved-view"
          value={active?.id ?? ''}
          onChange={(event) => {
            const view = items.find((item) => item.id === event.target.value);
            onApply(view ? view.query : {});
          }}
        >
          <option value="">{active ? 'All leads' : 'Custom / none'}</option>
          {items.map((view) => (
            <option key={view.id} value={view.id}>
              {view.name}
            </option>
          ))}
        </select>
      </div>
      {active && (
        <button type="button" className="button button-danger button-small" disabled={remove.isPending} onClick={() => remove.mutate(active)}>
          Delete view
        </button>
      )}
      {naming ? (
        <form className="saved-view-form" onSubmit={submit}>
          <input aria-label="View name" value={name} onChange={(event) => setName(event.target.value)} placeholder="Hot Dayton SFRs" autoFocus maxLength={80} />
          <button type="submit" className="button button-primary button-small" disabled={save.isPending || !name.trim()}>
            Save
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="button button-secondary button-small" onClick={() => setNaming(true)}>
          Save view
        </button>
      )}
      {(save.isError || remove.isError) && (
        <span className="field-error" role="alert">
          {(save.error ?? remove.error)?.message}
        </span>
      )}
    </div>
  );
}
