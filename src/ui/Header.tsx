import { useTranslation } from 'react-i18next';
import type { Controller } from './controller';
import { LanguageSelect } from './LanguageSelect';
import { LibraryButton } from './library/LibraryDialog';
import { ScenarioPicker } from './ScenarioPicker';
import { useUi } from './store';
import { ThemeSelect } from './ThemeSelect';

export function Header({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  // A built-in scenario's own title is English; in 中文 its library title says the same in Chinese.
  const title = useUi((s) => {
    const item = s.lang === 'en' ? null : s.library?.items.find((i) => i.id === s.frame?.libraryId);
    return item ? item.title[s.lang] : s.frame?.title;
  });
  const description = useUi((s) => s.frame?.description);
  return (
    <header className="top-bar">
      <div className="titles">
        <h1>{t('app.title')}</h1>
        {/* Scenario text is plain text: React escapes it, never inject it as HTML. */}
        {title && (
          <h2 className="scenario-title" title={description}>
            {title}
          </h2>
        )}
      </div>
      <div className="settings">
        <LibraryButton controller={controller} />
        <ScenarioPicker controller={controller} />
        <ThemeSelect />
        <LanguageSelect />
      </div>
    </header>
  );
}
