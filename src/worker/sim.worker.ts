import { expose } from 'comlink';
import { SimHost } from './simHost';

/** The Web Worker: the simulation runs here, off the UI thread, behind a thin Comlink API. */
expose(new SimHost());
