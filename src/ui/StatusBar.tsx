import { useTranslation } from 'react-i18next';
import type { Controller } from './controller';
import { formatMs, leaderLabel } from './labels';
import { WatchNote } from './library/WatchNote';
import { useUi } from './store';

/**
 * Who leads, in words (the one `status` region of Contract 3), what the last command did, the
 * loaded library scenario's "what to watch", and invariant violations as an alert whose entries
 * jump to the moment they happened. Embedded (`?embed=1`), the same in a compact form.
 */
export function StatusBar({ controller, embedded = false }: { controller: Controller; embedded?: boolean }) {
  const { t } = useTranslation();
  const leader = useUi((s) => s.frame?.leader ?? null);
  const protocol = useUi((s) => s.frame?.protocol);
  const ready = useUi((s) => s.frame !== null);
  const branch = useUi((s) => s.frame?.branch ?? null);
  const whatIf = useUi((s) => s.frame?.whatIf ?? 0);
  const note = useUi((s) => s.note);
  const running = useUi((s) => s.playback === 'runningUntil');
  // Subscribed so the status line re-renders in the new language (leaderLabel reads i18n).
  useUi((s) => s.lang);
  return (
    <div className={embedded ? 'status-bar compact' : 'status-bar'}>
      <div className="status-line">
        <div role="status" className="status">
          {ready ? leaderLabel(leader, protocol ?? '') : t('app.starting')}
        </div>
        <WatchNote />
      </div>
      {protocol === 'gossip' && <GossipSummary />}
      {/* Said politely to screen readers: what a search found (or that it found nothing), and so on. */}
      <div aria-live="polite" className="notes">
        {running && <p className="note">{t('playback.runningUntil')}</p>}
        {note && <p className="note">{note()}</p>}
      </div>
      {branch && <BranchNotice controller={controller} />}
      {whatIf > 0 && <p className="note what-if">{t('status.whatIf', { count: whatIf })}</p>}
      <Violations controller={controller} />
    </div>
  );
}

/** What acting discarded, with the Undo that puts it back. */
function BranchNotice({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const branch = useUi((s) => s.frame?.branch ?? null);
  const canUndo = useUi((s) => s.frame?.canUndo ?? false);
  if (!branch) return null;
  const params = { at: formatMs(branch.at), reached: formatMs(branch.reachedTo), count: branch.discardedActions };
  return (
    <p className="note branch">
      {branch.discardedActions > 0 ? t('status.branchedActions', params) : t('status.branched', params)}{' '}
      {canUndo && (
        <button type="button" className="link" onClick={() => controller.undo()}>
          {t('status.undoBranch')}
        </button>
      )}
    </p>
  );
}

function GossipSummary() {
  const { t } = useTranslation();
  const counts = useUi((s) => {
    const b = s.frame?.bulk;
    return b ? `${b.informed}/${b.live}/${b.suspected}/${b.dead}` : '';
  });
  const [informed, live, suspected, dead] = counts.split('/').map(Number);
  return (
    <p className="gossip-summary" role="note" aria-label={t('status.gossipSummaryName')}>
      {counts ? t('status.gossipSummary', { informed, live, suspected, dead }) : ''}
    </p>
  );
}

function Violations({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const violations = useUi((s) => s.frame?.violations);
  if (!violations || violations.length === 0) return null;
  return (
    <div role="alert" className="violations">
      <strong>{t('status.violationsTitle')}</strong>
      <ul>
        {violations.map((v, i) => (
          <li key={`${v.at}:${i}`}>
            {formatMs(v.at)} · {v.invariant}: {v.message}{' '}
            <button type="button" className="link" onClick={() => controller.seek(v.at)}>
              {t('status.jumpTo', { at: formatMs(v.at) })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
