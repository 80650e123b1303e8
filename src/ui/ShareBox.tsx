import { useUi } from './store';

/** The share link, in a textbox named "Share link" (Contract 3). */
export function ShareBox() {
  const link = useUi((s) => s.shareLink);
  if (!link) return null;
  return (
    <label className="share">
      Share link
      <input type="text" readOnly aria-label="Share link" value={link} onFocus={(e) => e.target.select()} />
    </label>
  );
}
