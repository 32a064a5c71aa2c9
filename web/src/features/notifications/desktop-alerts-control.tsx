import { useState } from 'react';
import { enableDesktopAlerts, readDesktopAlertsState, turnDesktopAlerts } from './desktop-alerts';

/** The bell panel's line about desktop alerts: ask, on (with "Turn off"), off (with "Turn on") or blocked. */
export function DesktopAlertsControl() {
  const [state, setState] = useState(readDesktopAlertsState);
  if (state === 'unsupported') return null;
  const button = (label: string, onClick: () => void) => (
    <button type="button" className="button button-secondary button-small" onClick={onClick}>
      {label}
    </button>
  );
  return (
    <div className="desktop-alerts" data-testid="desktop-alerts">
      {state === 'ask' && button('Enable desktop alerts', () => void enableDesktopAlerts().then(setState))}
      {state === 'on' && (
        <>
          <span className="pill pill-green">Desktop alerts on</span>
          {button('Turn off', () => setState(turnDesktopAlerts(false)))}
        </>
      )}
      {state === 'off' && (
        <>
          <span className="pill">Desktop alerts off</span>
          {button('Turn on', () => setState(turnDesktopAlerts(true)))}
        </>
      )}
      {state === 'blocked' && <span className="muted">Desktop alerts are blocked in this browser's site settings.</span>}
    </div>
  );
}
