import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { useUi } from '../store';
import { usePanelValue } from '../usePanelValue';
import { BulkNodeList } from './BulkNodeList';
import { CanvasStage } from './CanvasStage';
import { Legend } from './Legend';
import { NodeMenu } from './NodeMenu';
import { PartitionTools } from '../panels/NetworkPanel';
import { SvgStage } from './SvgStage';

/** The main view: the cluster drawn with D3 (SVG up to ~32 nodes, canvas for large gossip), and the node menu. */
/** Embedded (`?embed=1`) it keeps the drawing and the node menus, without the partition tools and hints. */
export function ClusterView({ controller, embedded = false }: { controller: Controller; embedded?: boolean }) {
  const { t } = useTranslation();
  const stage = useRef<HTMLDivElement>(null);
  const view = useUi((s) => s.frame?.view);
  const drawing = useUi((s) => s.drawingPartition);
  return (
    <section className="cluster panel" aria-labelledby="cluster-heading">
      <div className="panel-head">
        <h2 id="cluster-heading">{t('cluster.view')}</h2>
        <InFlightCount />
        <Legend />
        {!embedded && <PartitionTools controller={controller} />}
      </div>
      <div className={drawing ? 'cluster-stage drawing' : 'cluster-stage'} ref={stage}>
        {view === 'bulk' ? <CanvasStage controller={controller} stage={stage} /> : view === 'svg' ? <SvgStage controller={controller} stage={stage} /> : null}
        <NodeMenu controller={controller} embedded={embedded} />
      </div>
      {!embedded && <p className="help stage-help">{drawing ? t('network.drawPartitionHint') : view === 'bulk' ? t('cluster.canvasHelp') : t('cluster.help')}</p>}
      {view === 'bulk' && <BulkNodeList stage={stage} />}
    </section>
  );
}

/** How many messages are in flight: its own component, following the run as text panels do, so the view around it is not rendered again with every frame. */
function InFlightCount() {
  const { t } = useTranslation();
  const inFlight = usePanelValue((s) => s.frame?.inFlight ?? 0);
  return <span className="muted small">{t('cluster.inFlight', { count: inFlight })}</span>;
}
