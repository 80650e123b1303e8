import { useEffect, useState } from 'react';
import type { ProtocolId } from '../sim/scenario/schema';
import type { Controller } from './controller';
import { clampNodes, NODE_LIMITS, PRESET_SPEED, presetScenario, PROTOCOLS } from './presets';
import { useUi } from './store';
import { strings } from './strings';

/** The protocol switch and node count: each loads a fresh scenario (the old run is gone). */
export function ScenarioPicker({ controller }: { controller: Controller }) {
  const protocol = useUi((s) => s.frame?.protocol ?? 'raft');
  const nodeCount = useUi((s) => s.frame?.nodeCount ?? NODE_LIMITS.raft.preset);
  const [nodes, setNodes] = useState(String(nodeCount));
  useEffect(() => setNodes(String(nodeCount)), [nodeCount]);
  const limits = NODE_LIMITS[protocol];

  const load = (p: ProtocolId, n: number) => {
    useUi.getState().setSpeed(PRESET_SPEED[p]);
    void controller.loadScenario(presetScenario(p, clampNodes(p, n)));
  };

  return (
    <form
      className="scenario-picker"
      aria-label={strings.scenarioSettings}
      onSubmit={(e) => {
        e.preventDefault();
        load(protocol, Number(nodes));
      }}
    >
      <label>
        {strings.protocol}
        <select
          aria-label={strings.protocol}
          value={protocol}
          onChange={(e) => {
            const p = e.target.value as ProtocolId;
            load(p, p === protocol ? Number(nodes) : NODE_LIMITS[p].preset);
          }}
        >
          {PROTOCOLS.map((id) => (
            <option key={id} value={id}>
              {strings.protocolNames[id]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {strings.nodes}
        <input
          type="number"
          aria-label={strings.nodes}
          min={limits.min}
          max={limits.max}
          value={nodes}
          onChange={(e) => setNodes(e.target.value)}
          title={strings.nodesRange(limits.min, limits.max)}
        />
      </label>
      <button type="submit">{strings.load}</button>
    </form>
  );
}
