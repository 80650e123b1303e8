import { startSimWorker } from './simClient';

/**
 * The page's entry: it starts the simulation's worker first, so the worker's script loads and
 * compiles while the app's own code does, then loads the app. The first frame is ready about
 * when React is (the worker used to start only after the whole app had been evaluated).
 */
const sim = startSimWorker();
void import('./main').then(({ start }) => start(sim));
