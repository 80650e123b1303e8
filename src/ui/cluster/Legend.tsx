import { useTranslation } from 'react-i18next';
import { shapePath } from '../geometry/shapes';
import { roleWord } from '../labels';
import { LEGEND, roleStyle } from '../roleStyle';
import { useUi } from '../store';

/** Which color and shape means which role (or gossip status) in this protocol's view. */
export function Legend() {
  const { t } = useTranslation();
  const protocol = useUi((s) => s.frame?.protocol);
  if (!protocol) return null;
  return (
    <ul className="legend" aria-label={t('cluster.legend')}>
      {(LEGEND[protocol] ?? []).map((role) => {
        const style = roleStyle(role);
        return (
          <li key={role}>
            <svg width="16" height="16" viewBox="-9 -9 18 18" aria-hidden="true">
              <path d={shapePath(style.shape, 6)} style={{ fill: style.fill }} className={style.dashed ? 'legend-shape dashed' : 'legend-shape'} />
            </svg>
            {roleWord(role)}
          </li>
        );
      })}
    </ul>
  );
}
