import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { useUi } from '../store';
import { fullPageUrl } from './links';

/**
 * Embedded (`?embed=1`): "Open in the simulator" opens the full page on the run as it is now —
 * every action taken in the embed and the moment shown — not the link the embed was loaded with.
 * Its href follows the run while paused (for copying and middle-clicks); a click asks for the
 * freshest link.
 */
export function OpenFullLink({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const [href, setHref] = useState(() => fullPageUrl(location));
  const view = useUi((s) => (s.frame && s.playback === 'paused' ? JSON.stringify([s.frame.runId, s.frame.scenarioRev, s.frame.moment, s.selectedNode]) : null));
  useEffect(() => {
    if (view === null) return;
    let live = true;
    void controller.linkHash().then((hash) => {
      if (live) setHref(fullPageUrl({ ...location, hash }));
    });
    return () => {
      live = false;
    };
  }, [controller, view]);
  const open = async (e: React.MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const hash = await controller.linkHash();
    window.open(fullPageUrl({ ...location, hash }), '_blank', 'noopener');
  };
  return (
    <a className="button-link" href={href} target="_blank" rel="noopener" onClick={(e) => void open(e)}>
      {t('playback.openFull')}
    </a>
  );
}
