/** Longest list or map shown in full; the rest is counted. */
const MAX_ITEMS = 60;

/** A plain-data value as nested definition lists: every field, as text (never HTML). */
export function ValueTree({ value }: { value: unknown }) {
  return <div className="value-tree">{renderValue(value, 0)}</div>;
}

function renderValue(value: unknown, depth: number): React.ReactNode {
  if (value === null || value === undefined) return <span className="v-null">{String(value)}</span>;
  if (typeof value !== 'object') return <span className={`v-${typeof value}`}>{typeof value === 'string' ? value : String(value)}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="v-null">[]</span>;
    if (value.every((v) => v === null || typeof v !== 'object')) return <span>[{value.slice(0, MAX_ITEMS).map(String).join(', ')}{value.length > MAX_ITEMS ? `, … ${value.length - MAX_ITEMS} more` : ''}]</span>;
    return (
      <ol className="v-list" start={1}>
        {value.slice(0, MAX_ITEMS).map((v, i) => (
          <li key={i}>{depth > 4 ? JSON.stringify(v) : renderValue(v, depth + 1)}</li>
        ))}
        {value.length > MAX_ITEMS && <li className="muted">… {value.length - MAX_ITEMS} more</li>}
      </ol>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return <span className="v-null">{'{}'}</span>;
  // Small flat objects (a log entry, a vote) read best on one line.
  if (depth > 0 && entries.length <= 4 && entries.every(([, v]) => v === null || typeof v !== 'object')) {
    return <span>{entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ')}</span>;
  }
  return (
    <dl className="v-map">
      {entries.slice(0, MAX_ITEMS).map(([k, v]) => (
        <div key={k} className="v-row">
          <dt>{k}</dt>
          <dd>{depth > 4 ? JSON.stringify(v) : renderValue(v, depth + 1)}</dd>
        </div>
      ))}
      {entries.length > MAX_ITEMS && <div className="muted">… {entries.length - MAX_ITEMS} more</div>}
    </dl>
  );
}
