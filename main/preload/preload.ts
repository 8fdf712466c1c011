/**
 * The preload: one typed object, one function per contract method, and nothing
 * else. The renderer never sees ipcRenderer. It imports channel names, not schemas, so
 * the bundle stays small (`npm run bench` measures it).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, channelOf, INTERFACES_CHANGED_CHANNEL, requestApiOf } from '../../app/ipc-channels';
import type { AnycastApi } from '../../app/ipc-contract';

// Only types come from the contract: the service checks every reply's request, so the preload needs no schema.
const requests = requestApiOf((method, request) => ipcRenderer.invoke(channelOf(method), request));

const api: AnycastApi = {
  ...requests,
  onInterfacesChanged(listener) {
    // The listener gets no event object: nothing from ipcRenderer reaches the page.
    const forward = () => listener();
    ipcRenderer.on(INTERFACES_CHANGED_CHANNEL, forward);
    return () => ipcRenderer.removeListener(INTERFACES_CHANGED_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld(API_GLOBAL, api);
