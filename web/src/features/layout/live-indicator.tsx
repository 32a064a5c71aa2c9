import type { LiveStatus } from '../../lib/use-live-events';

const LABELS: Record<LiveStatus, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };
const TITLES: Record<LiveStatus, string> = {
  connecting: 'Opening the live connection',
  live: 'Changes appear here the moment they happen',
  reconnecting: 'Connection lost; reconnecting. Nothing is missed: changes are replayed.',
};

export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span className={`live-indicator live-${status}`} data-testid="live-status" role="status" title={TITLES[status]}>
      <span className="live-dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
