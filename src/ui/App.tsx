import { Controls } from './Controls';
import type { Controller } from './controller';
import { LinkError } from './LinkError';
import { NodeList } from './NodeList';
import { ShareBox } from './ShareBox';
import { StatusBar } from './StatusBar';
import { useUi } from './store';
import { useKeyboard } from './useKeyboard';

export function App({ controller }: { controller: Controller }) {
  useKeyboard(controller);
  const title = useUi((s) => s.frame?.title);
  const traceHash = useUi((s) => s.frame?.traceHash);
  return (
    <main>
      <header>
        <h1>Consensus simulator</h1>
        {/* Scenario text is plain text: React escapes it, never inject it as HTML. */}
        {title && <h2 className="scenario-title">{title}</h2>}
      </header>
      <LinkError />
      <Controls controller={controller} />
      <StatusBar />
      <NodeList controller={controller} />
      <ShareBox />
      <footer>
        trace{' '}
        <code role="note" aria-label="Trace hash" className="trace-hash">
          {traceHash ?? ''}
        </code>
      </footer>
    </main>
  );
}
