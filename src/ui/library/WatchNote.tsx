import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../store';

/**
 * What to watch for in the loaded library scenario, in the current language: one line beside
 * the status, which opens to the whole note.
 */
export function WatchNote() {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const item = useUi((s) => {
    const id = s.frame?.libraryId;
    return id ? (s.library?.items.find((i) => i.id === id) ?? null) : null;
  });
  const [open, setOpen] = useState(false);
  if (!item) return null;
  return (
    <aside className={open ? 'watch open' : 'watch'} aria-label={t('library.watch')}>
      <p className="watch-text">
        <strong>{t('library.watchLabel')}</strong> {item.watch[lang]}
      </p>
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('library.less') : t('library.more')}
      </button>
    </aside>
  );
}
