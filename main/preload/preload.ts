/**
 * The preload: one typed object, one function per contract method, and nothing
 * else. The renderer never sees ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, channelOf, INTERFACES_CHANGED_CHANNEL, methods, type AnycastApi, type RequestApi } from '../../app/ipc-contract';

const requests = Object.fromEntries(
  methods.map((method) => [method, (request: unknown) => ipcRenderer.invoke(channelOf(method), request)]),
) as RequestApi;

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
