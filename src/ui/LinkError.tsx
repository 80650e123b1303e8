import { useUi } from './store';

/** A share link that could not be opened: what is wrong, and that the default scenario runs instead. */
export function LinkError() {
  const error = useUi((s) => s.linkError);
  if (!error) return null;
  return (
    <div role="alert" className="link-error">
      <p>
        <strong>This share link could not be opened.</strong> {error}
      </p>
      <p>The default scenario is running instead.</p>
      <button type="button" onClick={() => useUi.getState().setLinkError(null)}>
        Dismiss
      </button>
    </div>
  );
}
