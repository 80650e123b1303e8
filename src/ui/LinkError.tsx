import { useTranslation } from 'react-i18next';
import type { Controller } from './controller';
import { useUi } from './store';

/**
 * A share link that could not be opened: what is wrong (in the reader's language; a scenario's
 * errors keep the validator's `$.path: message` lines), that the default scenario runs instead,
 * and a way to start it afresh without the broken link.
 */
export function LinkError({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const problem = useUi((s) => s.linkError);
  if (!problem) return null;
  const reason = t(`linkError.reasons.${problem.code}`, problem.params);
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
