import { leaderLabel } from './labels';
import { useUi } from './store';

/** Who leads, in words (the `status` region of Contract 3), and invariant violations as an alert. */
export function StatusBar() {
  const frame = useUi((s) => s.frame);
  if (!frame) return <div role="status">Starting the simulation…</div>;
  return (
    <>
      <div role="status" className="status">
        {leaderLabel(frame.leader, frame.protocol)}
      </div>
      {frame.branched && <p className="note">You acted in the past: the old future is gone and the run continues from here.</p>}
      {frame.violations.length > 0 && (
        <div role="alert" className="violations">
          {frame.violations.map((v, i) => (
            <p key={i}>
              {v.at} ms · {v.invariant}: {v.message}
            </p>
          ))}
        </div>
      )}
    </>
  );
}
