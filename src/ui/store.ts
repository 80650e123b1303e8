import { create } from 'zustand';
import type { Frame } from '../worker/frame';

export const SPEEDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 100] as const;

interface UiState {
  frame: Frame | null;
  playing: boolean;
  speed: number;
  /** Why the share link could not be opened, shown until dismissed. */
  linkError: string | null;
  shareLink: string | null;
  setFrame(frame: Frame): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  setLinkError(error: string | null): void;
  setShareLink(link: string | null): void;
}

/** UI state only; the simulation lives in the worker and arrives here as frames. */
export const useUi = create<UiState>()((set) => ({
  frame: null,
  playing: false,
  speed: 1,
  linkError: null,
  shareLink: null,
  setFrame: (frame) => set({ frame }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  setLinkError: (linkError) => set({ linkError }),
  setShareLink: (shareLink) => set({ shareLink }),
}));
