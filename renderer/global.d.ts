import type { AnycastApi } from '../app/ipc-contract';

declare global {
  interface Window {
    /** Set by the Electron preload (API_GLOBAL in app/ipc-channels); absent in the browser preview. */
    anycastManager?: AnycastApi;
  }
}

export {};
