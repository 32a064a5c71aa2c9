import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { BuyerForm } from '../buyers/buyer-form';
import { CreateLeadForm } from '../leads/create-lead-form';
import { NewTaskForm, type TaskContext } from '../tasks/new-task-form';
import type { CreateKind } from './shell-actions';
import { CREATE_LABELS } from './shell-pages';
import '../buyers/buyers.css';
import '../leads/create-lead-form.css';
import '../tasks/tasks.css';

/** A new task from a lead's or a buyer's page concerns that lead or buyer. */
function taskContextOf(pathname: string): TaskContext {
  const [, section, id] = pathname.split('/');
  if (!id || id === 'board') return {};
  if (section === 'leads') return { leadId: decodeURIComponent(id) };
  if (section === 'buyers') return { buyerId: decodeURIComponent(id) };
  return {};
}

/** "New lead", "New buyer" or "New task" over the page, which stays underneath: the same forms as their pages. */
export function QuickCreateDialog({ kind, onClose }: { kind: CreateKind; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const context = taskContextOf(pathname);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const open = (path: string) => {
    onClose();
    void navigate(path);
  };

  return (
    <dialog ref={dialog} className="dialog quick-create-dialog" aria-label={CREATE_LABELS[kind]} onCancel={onClose} onClose={onClose}>
      {kind === 'lead' && <CreateLeadForm onClose={onClose} />}
      {kind !== 'lead' && (
        <div className="dialog-body">
          <header className="quick-create-head">
            <h2>{CREATE_LABELS[kind]}</h2>
            <button type="button" className="button button-secondary button-small" onClick={onClose}>
              Close
            </button>
          </header>
          {kind === 'buyer' && <BuyerForm onDone={(buyer) => open(`/buyers/${buyer.id}`)} onCancel={onClose} />}
          {kind === 'task' && <NewTaskForm context={context} onCreated={(task) => open(`/tasks/${task.id}`)} onCancel={onClose} />}
        </div>
      )}
    </dialog>
  );
}
