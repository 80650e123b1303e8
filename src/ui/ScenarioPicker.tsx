import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProtocolId } from '../sim/scenario/schema';
import type { Controller } from './controller';
import { clampNodes, NODE_LIMITS, PRESET_SPEED, presetScenario, PROTOCOLS } from './presets';
import { useUi } from './store';

/** The protocol switch and node count: each loads a fresh scenario (the old run is gone). */
export function ScenarioPicker({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
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
      aria-label={t('settings.scenario')}
      onSubmit={(e) => {
        e.preventDefault();
        load(protocol, Number(nodes));
      }}
    >
      <label>
        {t('settings.protocol')}
        <select
          aria-label={t('settings.protocol')}
          value={protocol}
          onChange={(e) => {
            const p = e.target.value as ProtocolId;
            load(p, p === protocol ? Number(nodes) : NODE_LIMITS[p].preset);
          }}
        >
          {PROTOCOLS.map((id) => (
            <option key={id} value={id}>
              {t(`settings.protocolNames.${id}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.nodes')}
        <input
          type="number"
          aria-label={t('settings.nodes')}
          min={limits.min}
          max={limits.max}
          value={nodes}
          onChange={(e) => setNodes(e.target.value)}
          title={t('settings.nodesRange', { min: limits.min, max: limits.max })}
        />
      </label>
      <button type="submit">{t('settings.load')}</button>
    </form>
  );
}
