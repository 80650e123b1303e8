import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { LinkResult } from '../worker/simHost';
import type { SimWorker } from './simClient';
import { App } from './App';
import { Controller } from './controller';
import { currentLang, loadLanguage } from './i18n';
import { isEmbed } from './share/links';
import './styles.css';

/** The app, on the worker boot.ts started (and the link it already asked the worker to open). */
export function start(worker: SimWorker, opening: Promise<LinkResult>, hash: string): void {
  const controller = new Controller(worker);
  const embedded = isEmbed(location.search);
  if (embedded) document.documentElement.dataset.embed = '1';
  void controller.start(hash, opening);
  // A share link pasted into the address bar of an open page is opened too.
  window.addEventListener('hashchange', () => void controller.openHash(location.hash));
  // A page that opens in 中文 waits for its table (a few KB), so it never flashes English.
  void loadLanguage(currentLang()).then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App controller={controller} embedded={embedded} />
      </StrictMode>,
    ),
  );
}
