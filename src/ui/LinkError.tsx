import { useTranslation } from 'react-i18next';
import type { Controller } from './controller';
import { useUi } from './store';

/**
 * A share link that could not be opened: what is wrong (in the reader's language; a scenario's
 * errors keep the validator's `$.path: message` lines), that the default scenario runs instead,
 * and a way to start it afresh without the broken link. `compact` (the embedded page, often a
 * small iframe on a slide): one line, the validator's lines folded under Details.
 */
export function LinkError({ controller, compact = false }: { controller: Controller; compact?: boolean }) {
  const { t } = useTranslation();
  const problem = useUi((s) => s.linkError);
  if (!problem) return null;
  const reason = t(`linkError.reasons.${problem.code}`, problem.params);
  if (compact) {
    return (
      <div role="alert" className="link-error compact">
        <strong>{t('linkError.title')}</strong> {reason} {t('linkError.fallback')}{' '}
        {problem.code === 'invalid' && (
          <details>
            <summary>{t('linkError.details')}</summary>
            <pre className="link-error-detail">{problem.detail}</pre>
          </details>
        )}
        <button type="button" onClick={() => useUi.getState().setLinkError(null)}>
          {t('linkError.dismiss')}
        </button>
      </div>
    );
  }
  return (
    <div role="alert" className="link-error">
      <p>
        <strong>{t('linkError.title')}</strong> {reason}
      </p>
      {problem.code === 'invalid' && <pre className="link-error-detail">{problem.detail}</pre>}
      <p>{t('linkError.fallback')}</p>
      <div className="button-row">
        <button type="button" onClick={() => void controller.openDefault()}>
          {t('linkError.openDefault')}
        </button>
        <button type="button" onClick={() => useUi.getState().setLinkError(null)}>
          {t('linkError.dismiss')}
        </button>
      </div>
    </div>
  );
}
