import { create } from 'zustand';
import type { Frame, FrameMessage } from '../worker/frame';
import { mergeFrame, type FrameDelta } from '../worker/frameDelta';
import type { LibraryInfo } from '../worker/library';
import type { LinkProblem } from '../worker/linkProblem';
import type { TimelineBand, TimelineDelta, TimelineMarker } from '../worker/timeline';
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

/**
 * What went wrong with the simulation's worker: it threw in a call (`error`), failed outside one
 * or could not start (`crashed`), or has not answered a call for WATCH_MS (`stuck`).
 */
export interface WorkerProblem {
  kind: 'error' | 'crashed' | 'stuck';
  message: string;
}
export const PANEL_TABS = ['logs', 'statechart', 'inspector', 'chart', 'network', 'scenario'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

/** The whole reached run as the painted timeline draws it (the worker sends what changed with each frame). */
export interface TimelineData {
  bands: readonly TimelineBand[];
  markers: readonly TimelineMarker[];
  /** Bumped on every change, so views redraw only then. */
  version: number;
  /** The frame said the worker has more (or fewer) than arrived: the controller asks for all of it. */
  stale: boolean;
}

export const EMPTY_TIMELINE: TimelineData = { bands: [], markers: [], version: 0, stale: false };

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
  timeline: TimelineData;
  playback: PlaybackMode;
  speed: number;
  /** A passing remark about the last command ("No new leader within 60 s"). */
  note: Message | null;
  /** Why the share link could not be opened, shown until dismissed. */
  linkError: LinkProblem | null;
  /** The simulation's worker failed or stopped answering (WorkerProblem shows it, with Restart). */
  workerProblem: WorkerProblem | null;
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
  /** Takes a frame (or a delta against the frame held); false when a delta did not fit and a full frame is needed. */
  applyFrame(frame: Frame | FrameDelta): boolean;
  /** Replaces the timeline with all of it (after `stale`). */
  setTimeline(delta: TimelineDelta): void;
  setPlayback(mode: PlaybackMode): void;
  setSpeed(speed: number): void;
  setNote(note: Message | null): void;
  setLinkError(error: LinkProblem | null): void;
  setWorkerProblem(problem: WorkerProblem | null): void;
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
export const useUi = create<UiState>()((set, get) => {
  /**
   * Sets only what differs: every playback command clears the note and the playback statechart
   * reports its state after each one, so a plain `set` would wake every subscriber (every panel
   * and view) for nothing on each seek, before its frame has even come back.
   */
  const change = (partial: Partial<UiState>) => {
    const state = get();
    if ((Object.keys(partial) as (keyof UiState)[]).some((key) => !Object.is(state[key], partial[key]))) set(partial);
  };
  return {
    frame: null,
    frameAt: 0,
    traceVersion: 0,
    narration: [],
    timeline: EMPTY_TIMELINE,
    playback: 'paused',
    speed: 0.1,
    note: null,
    linkError: null,
    workerProblem: null,
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
    applyFrame: (incoming) => {
      const previous = get().frame;
      const frame = mergeFrame(previous, incoming);
      if (!frame) return false;
      const newRun = previous === null || previous.runId !== frame.runId;
      if (newRun) traceWindow.clear();
      const { linesChanged } = traceWindow.apply(frame.trace, frame.time);
      const selected = get().selectedMessage;
      const stillFlying = selected ? frame.messages.find((m) => m.id === selected.id) : undefined;
      const selectedNode = get().selectedNode;
      const timeline = nextTimeline(newRun ? EMPTY_TIMELINE : get().timeline, frame);
      set({
        frame,
        ...(timeline !== get().timeline ? { timeline } : {}),
        frameAt: performance.now(),
        traceVersion: frame.trace.reset || frame.trace.events.length > 0 ? get().traceVersion + 1 : get().traceVersion,
        ...(linesChanged || newRun ? { narration: traceWindow.lines } : {}),
        ...(stillFlying ? { selectedMessage: stillFlying } : {}),
        ...(newRun && previous !== null ? { menu: null, selectedMessage: null, shareLink: null, embed: null } : {}),
        ...(selectedNode !== null && selectedNode > frame.nodeCount ? { selectedNode: null } : {}),
      });
      return true;
    },
    setTimeline: (delta) => set({ timeline: { ...applyTimelineDelta(EMPTY_TIMELINE, delta), version: get().timeline.version + 1, stale: false } }),
    setPlayback: (playback) => change({ playback }),
    setSpeed: (speed) => change({ speed }),
    setNote: (note) => change({ note }),
    setLinkError: (linkError) => change({ linkError }),
    setWorkerProblem: (workerProblem) => change({ workerProblem }),
    setShareLink: (shareLink) => set({ shareLink, embed: null }),
    setEmbed: (embed) => change({ embed }),
    setLang: (lang) => change({ lang }),
    setLibrary: (library) => change({ library }),
    selectNode: (selectedNode) => change({ selectedNode, selectedMessage: null }),
    selectMessage: (selectedMessage) => set({ selectedMessage, ...(selectedMessage ? { tab: 'inspector' as const } : {}) }),
    openMenu: (menu) => set({ menu, selectedNode: menu.node, selectedMessage: null }),
    closeMenu: () => change({ menu: null }),
    setDrawingPartition: (drawingPartition) => change({ drawingPartition }),
    setTheme: (theme) => change({ theme }),
    setTab: (tab) => change({ tab }),
    };
  });

  /** The timeline after a frame: its delta applied, and marked stale when the counts disagree with the worker's. */
  function nextTimeline(current: TimelineData, frame: Frame): TimelineData {
    const next = frame.timeline ? { ...applyTimelineDelta(current, frame.timeline), version: current.version + 1, stale: false } : current;
    const stale = next.bands.length !== frame.timelineSize.bands || next.markers.length !== frame.timelineSize.markers;
    return stale === next.stale ? next : { ...next, stale };
  }

  function applyTimelineDelta(current: Pick<TimelineData, 'bands' | 'markers'>, delta: TimelineDelta): Pick<TimelineData, 'bands' | 'markers'> {
    return {
      bands: current.bands.slice(0, delta.bandsFrom).concat(delta.bands),
      markers: current.markers.slice(0, delta.markersFrom).concat(delta.markers),
  };
}

export function isRunning(mode: PlaybackMode): boolean {
  return mode !== 'paused';
}
