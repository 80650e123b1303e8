import type { Controller } from './controller';
import { formatMs, leaderLabel } from './labels';
import { useUi } from './store';
import { strings } from './strings';

/**
 * Who leads, in words (the one `status` region of Contract 3), what the last command did, and
 * invariant violations as an alert whose entries jump to the moment they happened.
 */
export function StatusBar({ controller }: { controller: Controller }) {
  const leader = useUi((s) => s.frame?.leader ?? null);
  const protocol = useUi((s) => s.frame?.protocol);
  const ready = useUi((s) => s.frame !== null);
  const branch = useUi((s) => s.frame?.branch ?? null);
  const note = useUi((s) => s.note);
  const running = useUi((s) => s.playback === 'runningUntil');
  return (
    <div className="status-bar">
      <div role="status" className="status">
        {ready ? leaderLabel(leader, protocol ?? '') : strings.starting}
      </div>
      {protocol === 'gossip' && <GossipSummary />}
      {running && <p className="note">{strings.runningUntil}</p>}
      {note && <p className="note">{note}</p>}
      {branch && <p className="note branch">{strings.branched(formatMs(branch.at), branch.discarded)}</p>}
      <Violations controller={controller} />
    </div>
  );
}

function GossipSummary() {
  const text = useUi((s) => {
    const b = s.frame?.bulk;
    return b ? strings.gossipSummary(b.informed, b.live, b.suspected, b.dead) : '';
  });
  return (
    <p className="gossip-summary" role="note" aria-label="Gossip summary">
      {text}
    </p>
  );
}

function Violations({ controller }: { controller: Controller }) {
  const violations = useUi((s) => s.frame?.violations);
  if (!violations || violations.length === 0) return null;
  return (
    <div role="alert" className="violations">
      <strong>{strings.violationsTitle}</strong>
      <ul>
        {violations.map((v, i) => (
          <li key={`${v.at}:${i}`}>
            {formatMs(v.at)} · {v.invariant}: {v.message}{' '}
            <button type="button" className="link" onClick={() => controller.seek(v.at)}>
              {strings.jumpTo(formatMs(v.at))}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
