import { useUi } from './store';
import { strings } from './strings';

/** A share link that could not be opened: what is wrong, and that the default scenario runs instead. */
export function LinkError() {
  const error = useUi((s) => s.linkError);
  if (!error) return null;
  return (
    <div role="alert" className="link-error">
      <p>
        <strong>{strings.linkErrorTitle}</strong> {error}
      </p>
      <p>{strings.linkErrorFallback}</p>
      <button type="button" onClick={() => useUi.getState().setLinkError(null)}>
        {strings.dismiss}
      </button>
    </div>
  );
}
