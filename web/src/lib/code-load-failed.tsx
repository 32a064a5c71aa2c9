/** What stands in for a part of the app whose code could not be fetched. */
export function CodeLoadFailed() {
  return (
    <div className="page-status" role="alert">
      <p>This part of Flipstackk could not be loaded. Check the connection, then reload.</p>
      <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
