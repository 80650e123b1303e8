import type { Controller } from '../controller';
import { ScenarioEditor } from '../editor/ScenarioEditor';
import { ExportSection } from '../export/ExportSection';

/** The Scenario tab: the recorder and JSON editor, then the exports. */
export function ScenarioPanel({ controller }: { controller: Controller }) {
  return (
    <div className="scenario-panel">
      <ScenarioEditor controller={controller} />
      <ExportSection controller={controller} />
    </div>
  );
}
