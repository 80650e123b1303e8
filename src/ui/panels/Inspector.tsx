import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { formatMs } from '../labels';
import { messageTitle } from '../messageLabels';
import { useUi } from '../store';
import { usePanelValue } from '../usePanelValue';
import { ValueTree } from './ValueTree';

/** Every field of the selected node or message in flight; messages can be dropped from here too. */
export function Inspector({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const message = useUi((s) => s.selectedMessage);
  const node = useUi((s) => s.selectedNode);
  const view = usePanelValue((s) => (s.selectedNode === null ? null : (s.frame?.nodes[s.selectedNode - 1] ?? (s.frame?.focus?.id === s.selectedNode ? s.frame.focus : null))));
  const stillFlying = useUi((s) => (s.selectedMessage ? s.frame?.messages.some((m) => m.id === s.selectedMessage!.id) : false));
  if (message) {
    return (
      <div className="inspector">
        <h3>{t('inspector.message', { type: messageTitle(message.type, message.msg), id: message.id })}</h3>
        <ValueTree
          value={{
            id: message.id,
            from: `S${message.from}`,
            to: `S${message.to}`,
            sentAt: formatMs(message.sentAt),
            arrivesAt: formatMs(message.arrivesAt),
            dropped: message.dropped,
            inFlight: stillFlying,
            ...(message.msg as Record<string, unknown>),
          }}
        />
        {stillFlying && !message.dropped && (
          <button type="button" onClick={() => void controller.act({ do: 'drop', message: message.id })}>
            {t('cluster.dropMessage', { type: message.type, from: message.from, to: message.to })}
          </button>
        )}
        <InFlightList />
      </div>
    );
  }
  return (
    <div className="inspector">
      {node !== null && view ? (
        <>
          <h3>{t('inspector.node', { id: node })}</h3>
          <ValueTree value={view} />
        </>
      ) : (
        <p className="muted">{t('inspector.empty')}</p>
      )}
      <InFlightList />
    </div>
  );
}

/** Messages in flight as buttons: the keyboard way to pick one (and drop it). */
function InFlightList() {
  const { t } = useTranslation();
  const messages = useUi((s) => s.frame?.messages);
  if (!messages || messages.length === 0) return null;
  return (
    <details className="in-flight">
      <summary>{t('cluster.inFlight', { count: messages.length })}</summary>
      <ul>
        {messages.slice(0, 40).map((m) => (
          <li key={m.id}>
            <button type="button" className="link" onClick={() => useUi.getState().selectMessage(m)}>
              #{m.id} {messageTitle(m.type, m.msg)} S{m.from}→S{m.to}
              {m.dropped ? ` (${t('cluster.dropped')})` : ''}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
