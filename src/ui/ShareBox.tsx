import { useTranslation } from 'react-i18next';
import type { Controller } from './controller';
import { copyEmbedCode } from './share/copyEmbed';
import { embedSnippet } from './share/links';
import { useUi } from './store';

/**
 * The share link, in a textbox named "Share link" (Contract 3), and the embed code for it (an
 * `<iframe>` of the same link with `?embed=1`), copied to the clipboard when it can be.
 */
export function ShareBox({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const link = useUi((s) => s.shareLink);
  const embed = useUi((s) => s.embed);
  const title = useUi((s) => s.frame?.title ?? '');
  const whatIf = useUi((s) => s.frame?.whatIf ?? 0);
  if (!link) return null;
  return (
    <div className="share">
      <label>
        {t('share.link')}
        <input type="text" readOnly aria-label={t('share.link')} value={link} onFocus={(e) => e.target.select()} />
      </label>
      <button type="button" onClick={() => void copyEmbedCode(controller)}>
        {t('share.copyEmbed')}
      </button>
      <button type="button" onClick={() => useUi.getState().setShareLink(null)}>
        {t('share.dismiss')}
      </button>
      {whatIf > 0 && <p className="note">{t('share.whatIfLeftOut', { count: whatIf })}</p>}
      {embed && (
        <label className="embed-code">
          {t('share.embedCode')}
          <input type="text" readOnly aria-label={t('share.embedCode')} value={embedSnippet(link, t('share.embedTitle', { title }))} onFocus={(e) => e.target.select()} />
          <span className="small muted" aria-live="polite">
            {embed.copied ? t('share.copied') : t('share.copyFailed')}
          </span>
        </label>
      )}
    </div>
  );
}
