import { useTranslation } from 'react-i18next';
import { WATCH_MS, type Controller } from './controller';
import { useUi } from './store';

/**
 * The simulation's worker threw, died or stopped answering: say so, with its error, and offer
 * to start it again from the scenario (the address keeps the recorded run and, when the page
 * was paused, its moment) or from the default scenario.
 */
export function WorkerProblem({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const problem = useUi((s) => s.workerProblem);
  if (!problem) return null;
  const text = problem.kind === 'stuck' ? t('worker.stuck', { seconds: WATCH_MS / 1000 }) : t(`worker.${problem.kind}`, { message: problem.message });
  return (
    <div role="alert" className="link-error worker-problem">
      <p>
        <strong>{text}</strong> {t('worker.advice')}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void controller.restart()}>
          {t('worker.restart')}
        </button>
        <button type="button" onClick={() => void controller.restart(true)}>
          {t('linkError.openDefault')}
        </button>
      </div>
    </div>
  );
}
