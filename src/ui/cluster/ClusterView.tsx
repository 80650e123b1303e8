import { useRef } from 'react';
import type { Controller } from '../controller';
import { useUi } from '../store';
import { strings } from '../strings';
import { BulkNodeList } from './BulkNodeList';
import { CanvasStage } from './CanvasStage';
import { Legend } from './Legend';
import { NodeMenu } from './NodeMenu';
import { PartitionTools } from '../panels/NetworkPanel';
import { SvgStage } from './SvgStage';

/** The main view: the cluster drawn with D3 (SVG up to ~32 nodes, canvas for large gossip), and the node menu. */
export function ClusterView({ controller }: { controller: Controller }) {
  const stage = useRef<HTMLDivElement>(null);
  const view = useUi((s) => s.frame?.view);
  const drawing = useUi((s) => s.drawingPartition);
  const inFlight = useUi((s) => s.frame?.inFlight ?? 0);
  return (
    <section className="cluster panel" aria-labelledby="cluster-heading">
      <div className="panel-head">
        <h2 id="cluster-heading">{strings.clusterView}</h2>
        <span className="muted small">{strings.messagesInFlight(inFlight)}</span>
        <Legend />
        <PartitionTools controller={controller} />
      </div>
      <div className={drawing ? 'cluster-stage drawing' : 'cluster-stage'} ref={stage}>
        {view === 'bulk' ? <CanvasStage controller={controller} stage={stage} /> : view === 'svg' ? <SvgStage controller={controller} stage={stage} /> : null}
        <NodeMenu controller={controller} />
      </div>
      <p className="help stage-help">{drawing ? strings.drawPartitionHint : view === 'bulk' ? strings.canvasHelp : strings.clusterHelp}</p>
      {view === 'bulk' && <BulkNodeList stage={stage} />}
    </section>
  );
}
