import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { copyEmbedCode } from '../share/copyEmbed';
import type { Message } from '../store';
import { useUi } from '../store';
import { downloadText } from './download';
import { exportClusterPng, exportClusterSvg } from './exportCluster';
import { exportFileName } from './fileName';

/** Downloads of the run: its trace as JSON Lines, the cluster view as SVG or PNG; and the embed code. */
export function ExportSection({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const title = useUi((s) => s.frame?.title ?? '');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Message | null>(null);

  const run = async (work: () => Promise<Message | null>) => {
    setBusy(true);
    setNotice(() => () => t('export.working'));
    try {
      const done = await work();
      setNotice(() => done);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setNotice(() => () => t('export.failed', { reason }));
    } finally {
      setBusy(false);
    }
  };
  const exportTrace = () =>
    run(async () => {
      const result = await controller.exportTrace();
      if (!result.ok) return () => t('export.traceTooLong', { count: result.tooLong, max: result.max });
      downloadText(result.text, exportFileName(title, 'trace'), 'application/x-ndjson');
      const lines = result.lines;
      return () => t('export.traceDone', { count: lines });
    });

  return (
    <section className="export" aria-labelledby="export-heading">
      <h3 id="export-heading">{t('export.heading')}</h3>
      <div className="button-row">
        <button type="button" disabled={busy} title={t('export.traceHint')} onClick={() => void exportTrace()}>
          {t('export.trace')}
        </button>
        <button type="button" disabled={busy} onClick={() =>
            void run(async () => {
              exportClusterSvg(title);
              return null;
            })
          }>
          {t('export.svg')}
        </button>
        <button type="button" disabled={busy} onClick={() =>
            void run(async () => {
              await exportClusterPng(title);
              return null;
            })
          }>
          {t('export.png')}
        </button>
        <button type="button" onClick={() => void copyEmbedCode(controller)}>
          {t('share.copyEmbed')}
        </button>
      </div>
      {notice && (
        <p className="small muted" aria-live="polite">
          {notice()}
        </p>
      )}
    </section>
  );
}
