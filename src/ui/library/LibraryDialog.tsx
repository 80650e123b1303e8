import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { PRESET_SPEED } from '../presets';
import { useUi } from '../store';
import { libraryGroupsInOrder } from './groups';

/**
 * The scenario library: a button in the top bar opens a dialog with the built-in scenarios by
 * protocol and topic, each with its title and what to watch for, in the current language.
 * Choosing one loads it (paused at time 0) and closes the dialog.
 */
export function LibraryButton({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="library-button" title={t('library.openHint')} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {t('library.open')}
      </button>
      <dialog ref={dialog} className="library-dialog" aria-labelledby="library-heading">
        <LibraryList
          controller={controller}
          onChosen={() => dialog.current?.close()}
          onClose={() => dialog.current?.close()}
        />
      </dialog>
    </>
  );
}

function LibraryList({ controller, onChosen, onClose }: { controller: Controller; onChosen: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const library = useUi((s) => s.library);
  const lang = useUi((s) => s.lang);
  const loadedId = useUi((s) => s.frame?.libraryId ?? null);
  return (
    <div className="library">
      <div className="library-head">
        <h2 id="library-heading">{t('library.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('library.close')}
        </button>
      </div>
      <p className="small muted">{t('library.intro')}</p>
      {!library ? (
        <p className="muted">{t('library.loading')}</p>
      ) : (
        libraryGroupsInOrder(library).map(({ group, items }) => (
          <section key={group.id} className="library-group" aria-labelledby={`library-group-${group.id}`}>
            <h3 id={`library-group-${group.id}`}>{group.title[lang]}</h3>
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className={item.id === loadedId ? 'library-entry current' : 'library-entry'}
                    aria-current={item.id === loadedId ? 'true' : undefined}
                    aria-describedby={`library-watch-${item.id}`}
                    onClick={() => {
                      useUi.getState().setSpeed(PRESET_SPEED[item.protocol]);
                      void controller.loadLibrary(item.id);
                      onChosen();
                    }}
                  >
                    <span className="library-entry-title">{item.title[lang]}</span>
                    {item.id === loadedId && (
                      <span className="library-current" aria-hidden="true">
                        {' '}
                        ●
                      </span>
                    )}
                  </button>
                  {/* Plain text, never HTML. */}
                  <p id={`library-watch-${item.id}`} className="library-watch small">
                    {item.watch[lang]}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
