import type { Controller } from './controller';
import { ScenarioPicker } from './ScenarioPicker';
import { useUi } from './store';
import { strings } from './strings';
import { ThemeSelect } from './ThemeSelect';

export function Header({ controller }: { controller: Controller }) {
  const title = useUi((s) => s.frame?.title);
  const description = useUi((s) => s.frame?.description);
  return (
    <header className="top-bar">
      <div className="titles">
        <h1>{strings.appTitle}</h1>
        {/* Scenario text is plain text: React escapes it, never inject it as HTML. */}
        {title && (
          <h2 className="scenario-title" title={description}>
            {title}
          </h2>
        )}
      </div>
      <div className="settings">
        <ScenarioPicker controller={controller} />
        <ThemeSelect />
        {/* The Language switch (English, 中文) of Contract 3 goes here with the i18n issue. */}
      </div>
    </header>
  );
}
