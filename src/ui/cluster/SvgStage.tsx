import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { useUi } from '../store';
import { SvgCluster } from './svgCluster';
import { useSceneLoop } from './useSceneLoop';
import { anchorIn } from './anchor';

/** The SVG cluster view; D3 owns the SVG's contents, React only the element. */
export function SvgStage({ controller, stage }: { controller: Controller; stage: React.RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const svgRef = useRef<SVGSVGElement>(null);
  const view = useRef<SvgCluster | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    view.current = new SvgCluster(svg, {
      openMenu: (node, point) => useUi.getState().openMenu({ node, ...anchorIn(stage.current, point) }),
      dropMessage: (message) => {
        useUi.getState().selectMessage(message);
        if (!message.dropped) void controller.act({ do: 'drop', message: message.id });
      },
      partition: (groups) => {
        useUi.getState().setDrawingPartition(false);
        void controller.act(groups ? { do: 'partition', groups } : { do: 'heal' });
      },
    });
    return () => {
      view.current = null;
    };
  }, [controller, stage]);

  const draw = useCallback((s: ReturnType<typeof useUi.getState>, time: number) => {
    if (!s.frame || s.frame.view !== 'svg' || !view.current) return;
    view.current.render({
      frame: s.frame,
      time,
      speed: s.speed,
      playing: s.playback === 'playing',
      selectedNode: s.selectedNode,
      selectedMessage: s.selectedMessage?.id ?? null,
      menuNode: s.menu?.node ?? null,
      drawing: s.drawingPartition,
    });
  }, []);
  useSceneLoop(draw, true, false);

  // Redraw at the new size when the window (or the layout around it) resizes.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const observer = new ResizeObserver(([entry]) => {
      view.current?.resize(entry.contentRect.width, entry.contentRect.height);
      draw(useUi.getState(), useUi.getState().frame?.time ?? 0);
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, [draw]);

  return <svg ref={svgRef} className="cluster-svg" role="group" aria-label={t('cluster.view')} />;
}
