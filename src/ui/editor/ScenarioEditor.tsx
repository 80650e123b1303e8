import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { downloadText } from '../export/download';
import { exportFileName } from '../export/fileName';
import type { Message } from '../store';
import { useUi } from '../store';
import { errorLines, placeErrors, type PlacedError } from './errorPlaces';
import { LineNumbered } from './LineNumbered';
import { useScenarioText } from './useScenarioText';

/**
 * The recorder and editor: the running scenario as JSON with every recorded action, the Record
 * switch, live validation at the exact JSON path, Apply (a bad scenario never replaces the
 * running one), and opening and saving scenario files.
 */
export function ScenarioEditor({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const { text, edited, validation, edit, revert, showErrors } = useScenarioText(controller);
  const running = useUi((s) => s.frame?.recording ?? true);
  // Shown at once, before the worker's frame confirms it (a checkbox must not flip back meanwhile).
  const [asked, setAsked] = useState<boolean | null>(null);
  const recording = asked ?? running;
  const title = useUi((s) => s.frame?.title ?? '');
  const [notice, setNotice] = useState<Message | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const statusId = useId();
  const errors = useMemo(() => (validation.state === 'done' ? placeErrors(text, validation.errors) : []), [text, validation]);
  const marked = useMemo(() => errorLines(errors), [errors]);

  const apply = async (source: string, fileName?: string) => {
    const result = await controller.applyText(source);
    if (result.ok) {
      revert();
      setNotice(() => (fileName ? () => t('editor.fileLoaded', { name: fileName }) : () => t('editor.applied')));
    } else {
      showErrors(result.errors);
      setNotice(() => (fileName ? () => t('editor.fileInvalid', { name: fileName }) : null));
    }
  };
  const openFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    const content = await chosen.text();
    edit(content);
    await apply(content, chosen.name);
  };
  const goTo = (error: PlacedError) => {
    const el = area.current;
    if (!el || !error.place) return;
    el.focus();
    el.setSelectionRange(error.place.offset, error.place.offset);
    // Scroll the line into view: the textarea has no API for it, so estimate from the line height.
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 16;
    el.scrollTop = Math.max(0, (error.place.line - 3) * lineHeight);
  };

  return (
    <div className="scenario-editor">
      <div className="editor-bar">
        <label className="record" title={t('editor.recordHint')}>
          <input
            type="checkbox"
            checked={recording}
            onChange={(e) => {
              const on = e.target.checked;
              setAsked(on);
              void controller.setRecording(on).finally(() => setAsked(null));
            }}
          />
          {t('editor.record')}
        </label>
        <button type="button" className="primary" disabled={validation.state !== 'done' || validation.errors.length > 0} onClick={() => void apply(text)}>
          {t('editor.apply')}
        </button>
        <button type="button" disabled={!edited} onClick={revert}>
          {t('editor.revert')}
        </button>
        <button type="button" onClick={() => file.current?.click()}>
          {t('editor.openFile')}
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('editor.openFile')}
          onChange={(e) => {
            void openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <button type="button" onClick={() => downloadText(text, exportFileName(title, 'scenario'), 'application/json')}>
          {t('editor.saveFile')}
        </button>
      </div>
      <LineNumbered
        ref={area}
        value={text}
        onChange={(next) => {
          setNotice(null);
          edit(next);
        }}
        errorLines={marked}
        label={t('editor.textbox')}
        hint={t('editor.help')}
        describedBy={statusId}
      />
      <div id={statusId} className="editor-status small" aria-live="polite">
        {validation.state === 'checking' ? (
          <p className="muted">{t('editor.checking')}</p>
        ) : errors.length > 0 ? (
          <>
            <p className="editor-errors-title">{t('editor.errors', { count: errors.length })}</p>
            <ul className="editor-errors">
              {errors.map((e, i) => (
                <li key={`${e.path}:${i}`}>
                  <span className="editor-error">{`${e.path}: ${e.message}`}</span>
                  {e.place && (
                    <>
                      {' '}
                      <button type="button" className="link" aria-label={t('editor.goTo', { path: e.path })} onClick={() => goTo(e)}>
                        {t('editor.line', { line: e.place.line })}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{edited ? `${t('editor.valid')} ${t('editor.edited')}` : t('editor.following')}</p>
        )}
        {notice && <p className="note">{notice()}</p>}
      </div>
    </div>
  );
}
