import { create } from 'zustand';
import type { Frame, FrameMessage } from '../worker/frame';
import type { LibraryInfo } from '../worker/library';
import type { LinkProblem } from '../worker/linkProblem';
import { currentLang } from './i18n';
import type { Lang } from './i18n/language';
import { TraceWindow, type NarrationLine } from './traceWindow';

/**
 * A message for the user, made when shown (so it follows the Language switch): a function that
 * returns the text in the current language.
 */
export type Message = () => string;

export const SPEEDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 100] as const;

export type PlaybackMode = 'paused' | 'playing' | 'runningUntil';
export type Theme = 'system' | 'light' | 'dark';
export type PanelTab = 'logs' | 'statechart' | 'inspector' | 'chart' | 'network' | 'scenario';

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
  note: Message | null;
  /** Why the share link could not be opened, shown until dismissed. */
  linkError: LinkProblem | null;
  shareLink: string | null;
  /** The embed code is shown under the share link; `copied` says whether the clipboard took it. */
  embed: { copied: boolean } | null;
  /** The UI language; D3 views redraw when it changes (their labels are translated too). */
  lang: Lang;
  /** The built-in scenarios (from the worker), or null until they arrive. */
  library: LibraryInfo | null;
  selectedNode: number | null;
  selectedMessage: FrameMessage | null;
  menu: MenuAnchor | null;
  drawingPartition: boolean;
  theme: Theme;
  tab: PanelTab;
  applyFrame(frame: Frame): void;
  setPlayback(mode: PlaybackMode): void;
  setSpeed(speed: number): void;
  setNote(note: Message | null): void;
  setLinkError(error: LinkProblem | null): void;
  setLang(lang: Lang): void;
  setLibrary(library: LibraryInfo): void;
  setShareLink(link: string | null): void;
  setEmbed(embed: { copied: boolean } | null): void;
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
  embed: null,
  lang: currentLang(),
  library: null,
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
      ...(newRun && previous !== null ? { menu: null, selectedMessage: null, shareLink: null, embed: null } : {}),
      ...(selectedNode !== null && selectedNode > frame.nodeCount ? { selectedNode: null } : {}),
    });
  },
  setPlayback: (playback) => set({ playback }),
  setSpeed: (speed) => set({ speed }),
  setNote: (note) => set({ note }),
  setLinkError: (linkError) => set({ linkError }),
  setShareLink: (shareLink) => set({ shareLink, embed: null }),
  setEmbed: (embed) => set({ embed }),
  setLang: (lang) => set({ lang }),
  setLibrary: (library) => set({ library }),
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
