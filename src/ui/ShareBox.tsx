import { useUi } from './store';
import { strings } from './strings';

/** The share link, in a textbox named "Share link" (Contract 3). */
export function ShareBox() {
  const link = useUi((s) => s.shareLink);
  if (!link) return null;
  return (
    <label className="share">
      {strings.shareLink}
      <input type="text" readOnly aria-label={strings.shareLink} value={link} onFocus={(e) => e.target.select()} />
      <button type="button" onClick={() => useUi.getState().setShareLink(null)}>
        {strings.dismiss}
      </button>
    </label>
  );
}
