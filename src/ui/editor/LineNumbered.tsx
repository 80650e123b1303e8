import { forwardRef, useRef } from 'react';

/**
 * A monospace textarea with a line-number gutter (lines with an error are marked). The gutter
 * follows the textarea's scrolling; it is decoration, hidden from screen readers.
 */
export const LineNumbered = forwardRef<HTMLTextAreaElement, {
  value: string;
  onChange: (text: string) => void;
  errorLines: ReadonlySet<number>;
  label: string;
  hint?: string;
  describedBy?: string;
}>(function LineNumbered({ value, onChange, errorLines, label, hint, describedBy }, ref) {
  const gutter = useRef<HTMLDivElement>(null);
  const lines = value.split('\n').length;
  return (
    <div className="code-editor">
      <div className="gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className={errorLines.has(i + 1) ? 'error-line' : undefined}>
            {i + 1}
          </div>
        ))}
      </div>
      <textarea
        ref={ref}
        aria-label={label}
        title={hint}
        aria-describedby={describedBy}
        aria-invalid={errorLines.size > 0}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
});
