import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { useUi } from '../store';
import { anchorIn } from './anchor';
import { CanvasCluster } from './canvasCluster';
import { useSceneLoop } from './useSceneLoop';

/** The canvas view of a large gossip cluster; nodes are also listed as buttons below it. */
export function CanvasStage({ controller, stage }: { controller: Controller; stage: React.RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const view = useRef<CanvasCluster | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const cluster = new CanvasCluster(canvas, {
      openMenu: (node, point) => useUi.getState().openMenu({ node, ...anchorIn(stage.current, point) }),
      partition: (groups) => {
        useUi.getState().setDrawingPartition(false);
        void controller.act({ do: 'partition', groups });
      },
    });
    view.current = cluster;
    return () => {
      cluster.destroy();
      view.current = null;
    };
  }, [controller, stage]);

  const draw = useCallback((s: ReturnType<typeof useUi.getState>) => {
    if (!s.frame || s.frame.view !== 'bulk' || !view.current) return;
    view.current.render(s.frame, s.selectedNode, s.drawingPartition);
  }, []);
  useSceneLoop(draw, true);

  // The canvas's pixels follow its box: redraw when the window (or the layout around it) resizes.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(() => draw(useUi.getState()));
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [draw]);

  // The canvas is a picture; its nodes are reachable as buttons in the node list.
  return <canvas ref={canvasRef} className="cluster-canvas" role="img" aria-label={t('cluster.view')} />;
}

