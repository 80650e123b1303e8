import { create } from 'zustand';
import type { Frame, FrameMessage } from '../worker/frame';
import { TraceWindow, type NarrationLine } from './traceWindow';

export const SPEEDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 100] as const;

export type PlaybackMode = 'paused' | 'playing' | 'runningUntil';
export type Theme = 'system' | 'light' | 'dark';
export type PanelTab = 'logs' | 'statechart' | 'inspector' | 'chart' | 'network';

export interface MenuAnchor {
  node: number;
  /** Where to open the menu, in px from the cluster view's top-left corner. */
  x: number;
  y: number;
}

interface UiState {
  frame: Frame | null;
  /** performance.now() when the frame arrived: views interpolate from there while playing. */
  frameAt: number;
  /** Bumped whenever the trace window changes (the space-time diagram redraws on it). */
  traceVersion: number;
  narration: NarrationLine[];
  playback: PlaybackMode;
  speed: number;
  /** A passing remark about the last command ("No new leader within 60 s"). */
  note: string | null;
  /** Why the share link could not be opened, shown until dismissed. */
  linkError: string | null;
  shareLink: string | null;
  selectedNode: number | null;
  selectedMessage: FrameMessage | null;
  menu: MenuAnchor | null;
  drawingPartition: boolean;
  theme: Theme;
  tab: PanelTab;
  applyFrame(frame: Frame): void;
  setPlayback(mode: PlaybackMode): void;
  setSpeed(speed: number): void;
  setNote(note: string | null): void;
  setLinkError(error: string | null): void;
  setShareLink(link: string | null): void;
  selectNode(node: number | null): void;
  selectMessage(message: FrameMessage | null): void;
  openMenu(anchor: MenuAnchor): void;
  closeMenu(): void;
  setDrawingPartition(on: boolean): void;
  setTheme(theme: Theme): void;
  setTab(tab: PanelTab): void;
}

/** The recent trace (high-rate data: views read it in store subscriptions, not React renders). */
export const traceWindow = new TraceWindow();

/** UI state only; the simulation lives in the worker and arrives here as frames. */
export const useUi = create<UiState>()((set, get) => ({
  frame: null,
  frameAt: 0,
  traceVersion: 0,
  narration: [],
  playback: 'paused',
  speed: 0.1,
  note: null,
  linkError: null,
  shareLink: null,
  selectedNode: null,
  selectedMessage: null,
  menu: null,
  drawingPartition: false,
  theme: 'system',
  tab: 'logs',
  applyFrame: (frame) => {
    const previous = get().frame;
    const newRun = previous === null || previous.runId !== frame.runId;
    if (newRun) traceWindow.clear();
    const { linesChanged } = traceWindow.apply(frame.trace, frame.time);
    const selected = get().selectedMessage;
    const stillFlying = selected ? frame.messages.find((m) => m.id === selected.id) : undefined;
    const selectedNode = get().selectedNode;
    set({
      frame,
      frameAt: performance.now(),
      traceVersion: get().traceVersion + 1,
      ...(linesChanged || newRun ? { narration: traceWindow.lines } : {}),
      ...(stillFlying ? { selectedMessage: stillFlying } : {}),
      ...(newRun && previous !== null ? { menu: null, selectedMessage: null, shareLink: null } : {}),
      ...(selectedNode !== null && selectedNode > frame.nodeCount ? { selectedNode: null } : {}),
    });
  },
  setPlayback: (playback) => set({ playback }),
  setSpeed: (speed) => set({ speed }),
  setNote: (note) => set({ note }),
  setLinkError: (linkError) => set({ linkError }),
  setShareLink: (shareLink) => set({ shareLink }),
  selectNode: (selectedNode) => set({ selectedNode, selectedMessage: null }),
  selectMessage: (selectedMessage) => set({ selectedMessage, ...(selectedMessage ? { tab: 'inspector' as const } : {}) }),
  openMenu: (menu) => set({ menu, selectedNode: menu.node, selectedMessage: null }),
  closeMenu: () => set({ menu: null }),
  setDrawingPartition: (drawingPartition) => set({ drawingPartition }),
  setTheme: (theme) => set({ theme }),
  setTab: (tab) => set({ tab }),
}));

export function isRunning(mode: PlaybackMode): boolean {
  return mode !== 'paused';
}
