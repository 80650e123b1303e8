import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { useUi } from '../store';

/** Latency, loss and duplication (each change is a `set` event), heal, isolate, and the partition line. */
export function NetworkPanel({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const network = useUi((s) => s.frame?.network);
  const nodeCount = useUi((s) => s.frame?.nodeCount ?? 0);
  const [form, setForm] = useState({ min: '10', max: '30', loss: '0', dup: '0' });
  const [isolate, setIsolate] = useState('1');
  const settingsKey = network ? `${network.latency.join('-')}:${network.loss}:${network.duplicate}` : '';
  useEffect(() => {
    if (!network) return;
    setForm({ min: String(network.latency[0]), max: String(network.latency[1]), loss: percent(network.loss), dup: percent(network.duplicate) });
    // Only when the settings themselves change, not on every frame.
  }, [settingsKey]);
  if (!network) return null;
  const partitioned = network.groups.length > 1;

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const min = Math.max(0, Number(form.min) || 0);
    const max = Math.max(min, Number(form.max) || 0);
    const loss = clamp01((Number(form.loss) || 0) / 100);
    const duplicate = clamp01((Number(form.dup) || 0) / 100);
    void controller.act({ do: 'set', network: { latency: [min, max], loss, duplicate } });
  };
  const isolateNode = () => {
    const id = Number(isolate);
    if (!(id >= 1 && id <= nodeCount)) return;
    const rest = Array.from({ length: nodeCount }, (_, i) => i + 1).filter((n) => n !== id);
    void controller.act({ do: 'partition', groups: rest.length > 0 ? [[id], rest] : [[id]] });
  };

  return (
    <div className="network-panel">
      <p className="small">{partitioned ? t('network.partitioned', { groups: network.groups.map((g) => `{${g.map((id) => `S${id}`).join(', ')}}`).join(t('network.groupSeparator')) }) : t('network.connected')}</p>
      {network.cuts.length > 0 && <p className="small">{t('network.cuts', { cuts: network.cuts.map(([a, b]) => `S${a}→S${b}`).join(', ') })}</p>}
      <form className="network-form" onSubmit={apply}>
        <NumberField label={t('network.latencyMin')} value={form.min} onChange={(v) => setForm({ ...form, min: v })} />
        <NumberField label={t('network.latencyMax')} value={form.max} onChange={(v) => setForm({ ...form, max: v })} />
        <NumberField label={t('network.loss')} value={form.loss} max={100} onChange={(v) => setForm({ ...form, loss: v })} />
        <NumberField label={t('network.duplicate')} value={form.dup} max={100} onChange={(v) => setForm({ ...form, dup: v })} />
        <button type="submit">{t('network.apply')}</button>
      </form>
      <div className="button-row">
        <button type="button" onClick={() => void controller.act({ do: 'heal' })}>
          {t('network.heal')}
        </button>
        <label>
          {t('network.isolateWhich')}
          <select aria-label={t('network.isolateWhich')} value={isolate} onChange={(e) => setIsolate(e.target.value)}>
            {Array.from({ length: Math.min(nodeCount, 1000) }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                S{i + 1}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={isolateNode}>
          {t('network.isolate')}
        </button>
      </div>
    </div>
  );
}

/** The partition-line toggle and Heal, kept beside the drawing. */
export function PartitionTools({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const drawing = useUi((s) => s.drawingPartition);
  const partitioned = useUi((s) => (s.frame?.network.groups.length ?? 1) > 1 || (s.frame?.network.cuts.length ?? 0) > 0);
  return (
    <div className="partition-tools">
      <button type="button" aria-pressed={drawing} onClick={() => useUi.getState().setDrawingPartition(!drawing)} title={t('network.drawPartitionHint')}>
        {t('network.drawPartition')}
      </button>
      <button type="button" disabled={!partitioned} onClick={() => void controller.act({ do: 'heal' })}>
        {t('network.heal')}
      </button>
    </div>
  );
}

function NumberField({ label, value, onChange, max }: { label: string; value: string; onChange: (v: string) => void; max?: number }) {
  return (
    <label>
      {label}
      <input type="number" min={0} max={max} step="any" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function percent(p: number): string {
  return String(Math.round(p * 1000) / 10);
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
