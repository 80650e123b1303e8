import { startSimWorker } from './simClient';

/**
 * The page's entry: it starts the simulation's worker and asks it to open the page's link before
 * anything else, so the worker's script loads, compiles and runs the first frame while the app's
 * own code loads; then it loads the app, which finds that frame ready (the worker used to start
 * only after the whole app had been evaluated).
 */
const worker = startSimWorker();
const hash = location.hash;
const opening = worker.sim.loadHash(hash);
void import('./main').then(({ start }) => start(worker, opening, hash));
