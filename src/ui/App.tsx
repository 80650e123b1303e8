import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ClusterView } from './cluster/ClusterView';
import { Controls } from './Controls';
import type { Controller } from './controller';
import { Header } from './Header';
import { LinkError } from './LinkError';
import { WorkerProblem } from './WorkerProblem';
import { Narration } from './panels/Narration';
import { SidePanel } from './panels/SidePanel';
import { SpaceTime } from './panels/SpaceTime';
import { ShareBox } from './ShareBox';
import { StatusBar } from './StatusBar';
import { useUi } from './store';
import { useAddressSync } from './share/useAddressSync';
import { useFirstDraw } from './useFirstDraw';
import { useKeyboard } from './useKeyboard';
import { usePanelValue } from './usePanelValue';

/**
 * The whole page; embedded (`?embed=1`, for slides and iframes) the playback controls and
 * timeline, a compact status line with the library note, and the cluster view with its menus.
 */
export function App({ controller, embedded = false }: { controller: Controller; embedded?: boolean }) {
  const { t } = useTranslation();
  useKeyboard(controller);
  useAddressSync(controller);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  const selected = useUi((s) => s.selectedNode);
  const drawn = useFirstDraw();
  // The worker sends the selected node's full view with every frame (large clusters send no other views).
  useEffect(() => {
    void controller.focus(selected);
  }, [controller, selected]);
  if (embedded) {
    return (
      <div className="app embed">
        <WorkerProblem controller={controller} />
        <LinkError controller={controller} compact />
        <Controls controller={controller} embedded />
        <StatusBar controller={controller} embedded />
        <main className="workspace">
          <ClusterView controller={controller} embedded />
        </main>
      </div>
    );
  }
  return (
    <div className="app">
      <Header controller={controller} />
      <WorkerProblem controller={controller} />
      <LinkError controller={controller} />
      <Controls controller={controller} />
      <StatusBar controller={controller} />
      <ShareBox controller={controller} />
      <main className="workspace">
        <div className="col-main">
          <ClusterView controller={controller} />
          {drawn && <SpaceTime controller={controller} />}
        </div>
        <div className="col-side">
          {drawn && <SidePanel controller={controller} />}
          {drawn && <Narration />}
        </div>
      </main>
      {drawn && <TraceFooter />}
    </div>
  );
}

function TraceFooter() {
  const { t } = useTranslation();
  const traceHash = usePanelValue((s) => s.frame?.traceHash);
  return (
    <footer>
      {t('app.trace')}{' '}
      <code role="note" aria-label={t('playback.traceHash')} className="trace-hash">
        {traceHash ?? ''}
      </code>
    </footer>
  );
}
