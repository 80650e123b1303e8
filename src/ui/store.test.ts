import { afterEach, describe, expect, it } from 'vitest';
import { useUi } from './store';

describe('the UI store', () => {
  const initial = useUi.getState();
  afterEach(() => useUi.setState(initial, true));

  it('wakes no subscriber when a setter changes nothing (every playback command clears the note)', () => {
    let wakes = 0;
    const unsubscribe = useUi.subscribe(() => wakes++);
    const ui = useUi.getState();
    ui.setNote(null);
    ui.setLinkError(null);
    ui.setPlayback(ui.playback);
    ui.setSpeed(ui.speed);
    ui.setTab(ui.tab);
    ui.selectNode(null);
    ui.closeMenu();
    expect(wakes).toBe(0);
    unsubscribe();
  });

  it('still sets what differs, and all of a setter’s fields together', () => {
    const ui = useUi.getState();
    const note = () => 'hello';
    ui.setNote(note);
    expect(useUi.getState().note).toBe(note);
    ui.setPlayback('playing');
    expect(useUi.getState().playback).toBe('playing');
    ui.selectNode(2);
    expect(useUi.getState()).toMatchObject({ selectedNode: 2, selectedMessage: null });
    ui.setNote(null);
    expect(useUi.getState().note).toBeNull();
  });
});
