/**
 * The preload: one typed object, one function per contract method, and nothing
 * else. The renderer never sees ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, channelOf, methods, type AnycastApi } from '../../app/ipc-contract';

const api = Object.fromEntries(
  methods.map((method) => [method, (request: unknown) => ipcRenderer.invoke(channelOf(method), request)]),
) as AnycastApi;

contextBridge.exposeInMainWorld(API_GLOBAL, api);
