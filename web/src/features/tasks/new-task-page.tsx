import { Link, useNavigate, useSearchParams } from 'react-router';
import { NewTaskForm, type TaskContext } from './new-task-form';
import './tasks.css';

/** `/tasks/new`, with the lead, buyer or offer it concerns prefilled from `?leadId=&buyerId=&offerId=`. */
export function NewTaskPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const context = Object.fromEntries((['leadId', 'buyerId', 'offerId'] as const).flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : []))) as TaskContext;
  const linked = Object.entries(context);

  return (
    <div className="page">
      <header className="page-header">
        <p className="page-eyebrow">
          <Link to="/tasks">Tasks</Link> / New
        </p>
        <h1>New task</h1>
        {linked.length > 0 && (
          <p className="page-subtitle">
            For{' '}
            {linked.map(([name, id]) => (
              <Link key={name} to={name === 'buyerId' ? `/buyers/${id}` : name === 'leadId' ? `/leads/${id}` : `/tasks?offerId=${id}`}>
                this {name.replace('Id', '')}
              </Link>
            ))}
          </p>
        )}
      </header>
      <section className="card">
        <NewTaskForm context={context} onCreated={(task) => void navigate(`/tasks/${task.id}`)} />
      </section>
    </div>
  );
}
