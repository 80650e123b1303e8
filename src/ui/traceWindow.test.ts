import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadLanguage } from './i18n';
import { loadNarration, narrationText } from './narrationText';
import { KEEP_MS, TraceWindow } from './traceWindow';

// Both load beside the page's first paint; here, before the tests.
beforeAll(async () => {
  await loadLanguage('zh');
  await loadNarration();
});

describe('TraceWindow', () => {
  it('appends deltas and renders narration, actions and violations as lines', () => {
    const w = new TraceWindow();
    w.apply({ reset: true, events: [{ t: 0, k: 'state', node: 1, field: 'role', value: 'follower' }] }, 0);
    w.apply(
      {
        reset: false,
        events: [
          { t: 5, k: 'action', action: { at: 5, do: 'crash', node: 2 } },
          { t: 6, k: 'narrate', node: 3, key: 'kernel.alreadyDown', params: { node: 3 } },
          { t: 7, k: 'violation', invariant: 'ElectionSafety', message: 'two leaders in term 2' },
        ],
      },
      7,
    );
    expect(w.events).toHaveLength(4);
    expect(w.lines.map((l) => narrationText(l.event, 'en'))).toEqual(['Action: S2 crashes.', 'S3 is already down.', 'ElectionSafety: two leaders in term 2']);
  });
  it('renders the same lines in Chinese when asked (the text is made when shown, not when received)', async () => {
    const w = new TraceWindow();
    w.apply({ reset: true, events: [{ t: 5, k: 'action', action: { at: 5, do: 'crash', node: 2 } }, { t: 6, k: 'narrate', node: 3, key: 'kernel.alreadyDown', params: { node: 3 } }] }, 6);
    await i18n.changeLanguage('zh');
    try {
      const [action, narration] = w.lines.map((l) => narrationText(l.event, 'zh'));
      expect(action).toBe('操作：S2 宕机。');
      expect(narration).toMatch(/^S3/);
      expect(narration).toMatch(/[\u4e00-\u9fff]/);
    } finally {
      await i18n.changeLanguage('en');
    }
  });
  it('starts over on a reset', () => {
    const w = new TraceWindow();
    w.apply({ reset: false, events: [{ t: 1, k: 'narrate', node: 1, key: 'kernel.alreadyDown', params: { node: 1 } }] }, 1);
    w.apply({ reset: true, events: [] }, 0);
    expect(w.events).toEqual([]);
    expect(w.lines).toEqual([]);
  });
  it('slides: events older than the window are dropped', () => {
    const w = new TraceWindow();
    w.apply({ reset: false, events: [{ t: 0, k: 'timer', node: 1, name: 'election' }] }, 0);
    w.apply({ reset: false, events: [{ t: KEEP_MS + 10, k: 'timer', node: 1, name: 'election' }] }, KEEP_MS + 10);
    expect(w.events.map((e) => e.t)).toEqual([KEEP_MS + 10]);
  });
});
