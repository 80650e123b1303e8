import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { useUi, type PanelTab } from '../store';
import { LogsPanel } from './LogsPanel';
import { NetworkPanel } from './NetworkPanel';

// Tabs a first look does not need load on first opening (the page's first paint needs less code).
const InformedChart = lazy(() => import('./InformedChart').then((m) => ({ default: m.InformedChart })));
const Inspector = lazy(() => import('./Inspector').then((m) => ({ default: m.Inspector })));
const ScenarioPanel = lazy(() => import('./ScenarioPanel').then((m) => ({ default: m.ScenarioPanel })));
const StatechartPanel = lazy(() => import('./StatechartPanel').then((m) => ({ default: m.StatechartPanel })));

type Tab = PanelTab;

/** Logs (or, for gossip, the informed chart), the statechart, the inspector, the network and the scenario editor, as tabs. */
export function SidePanel({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const protocol = useUi((s) => s.frame?.protocol);
  const stored = useUi((s) => s.tab);
  const id = useId();
  const first: Tab = protocol === 'gossip' ? 'chart' : 'logs';
  const tabs: { tab: Tab; label: string }[] = [
    { tab: first, label: protocol === 'gossip' ? t('panels.chart') : t('panels.logs') },
    { tab: 'statechart', label: t('panels.statechart') },
    { tab: 'inspector', label: t('panels.inspector') },
    { tab: 'network', label: t('network.title') },
    { tab: 'scenario', label: t('panels.scenario') },
  ];
  const active: Tab = tabs.some((t) => t.tab === stored) ? stored : first;
  const select = (tab: Tab) => useUi.getState().setTab(tab as PanelTab);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.tab === active);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    e.stopPropagation();
    select(tabs[next].tab);
    document.getElementById(`${id}-tab-${tabs[next].tab}`)?.focus();
  };
  return (
    <section className="side panel" aria-label={t('panels.label')}>
      <div role="tablist" aria-label={t('panels.label')} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.tab}
            id={`${id}-tab-${t.tab}`}
            type="button"
            role="tab"
            aria-selected={active === t.tab}
            aria-controls={`${id}-panel`}
            tabIndex={active === t.tab ? 0 : -1}
            onClick={() => select(t.tab)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${active}`} className="tab-panel">
        <Suspense fallback={<p className="muted">{t('panels.loading')}</p>}>
          {active === 'logs' && <LogsPanel />}
          {active === 'chart' && <InformedChart />}
          {active === 'statechart' && <StatechartPanel />}
          {active === 'inspector' && <Inspector controller={controller} />}
          {active === 'network' && <NetworkPanel controller={controller} />}
          {active === 'scenario' && <ScenarioPanel controller={controller} />}
        </Suspense>
      </div>
    </section>
  );
}
