import { useEffect } from 'react';
import { ClusterView } from './cluster/ClusterView';
import { Controls } from './Controls';
import type { Controller } from './controller';
import { Header } from './Header';
import { LinkError } from './LinkError';
import { Narration } from './panels/Narration';
import { SidePanel } from './panels/SidePanel';
import { SpaceTime } from './panels/SpaceTime';
import { ShareBox } from './ShareBox';
import { StatusBar } from './StatusBar';
import { useUi } from './store';
import { strings } from './strings';
import { useKeyboard } from './useKeyboard';

export function App({ controller }: { controller: Controller }) {
  useKeyboard(controller);
  const traceHash = useUi((s) => s.frame?.traceHash);
  const selected = useUi((s) => s.selectedNode);
  // The worker sends the selected node's full view with every frame (large clusters send no other views).
  useEffect(() => {
    void controller.focus(selected);
  }, [controller, selected]);
  return (
    <div className="app">
      <Header controller={controller} />
      <LinkError />
      <Controls controller={controller} />
      <StatusBar controller={controller} />
      <ShareBox />
      <main className="workspace">
        <div className="col-main">
          <ClusterView controller={controller} />
          <SpaceTime controller={controller} />
        </div>
        <div className="col-side">
          <SidePanel controller={controller} />
          <Narration />
        </div>
      </main>
      <footer>
        {strings.trace}{' '}
        <code role="note" aria-label={strings.traceHash} className="trace-hash">
          {traceHash ?? ''}
        </code>
      </footer>
    </div>
  );
}
