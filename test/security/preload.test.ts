/**
 * The preload, against a mocked 'electron': it exposes exactly the contract's request
 * methods and its one event through contextBridge, nothing else; each request reaches
 * ipcRenderer.invoke on its contract channel with the payload as given; and the event
 * reaches the page without Electron's event object.
 */
import { EventEmitter } from 'node:events';
import { API_GLOBAL, channelOf, INTERFACES_CHANGED_CHANNEL, methods } from '../../app/ipc-channels';

async function loadPreload() {
  const exposed = new Map<string, unknown>();
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
  });
  const contextBridge = { exposeInMainWorld: vi.fn((name: string, value: unknown) => exposed.set(name, value)) };
  vi.resetModules();
  vi.doMock('electron', () => ({ contextBridge, ipcRenderer }));
  await import('../../main/preload/preload');
  return { exposed, ipcRenderer, contextBridge, api: exposed.get(API_GLOBAL) as Record<string, (...args: unknown[]) => unknown> };
}

describe('the preload', () => {
  it('exposes one object, under the contract global, holding exactly the contract methods and its event', async () => {
    const { exposed, contextBridge, api } = await loadPreload();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...exposed.keys()]).toEqual([API_GLOBAL]);
    expect(Object.getOwnPropertyNames(api).sort()).toEqual([...methods, 'onInterfacesChanged'].sort());
    expect(Object.getOwnPropertySymbols(api)).toEqual([]);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it.each(methods)('sends %s to ipcRenderer.invoke on its contract channel, with the request as given', async (method) => {
    const { ipcRenderer, api } = await loadPreload();
    const request = { probe: method };
    await expect(api[method]!(request)).resolves.toEqual({ ok: true, value: { channel: channelOf(method), request } });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channelOf(method), request);
  });

  it('calls an interfaces-changed listener with no arguments, so no Electron event reaches the page, until it stops', async () => {
    const { ipcRenderer, api } = await loadPreload();
    const listener = vi.fn();
    const stop = api.onInterfacesChanged!(listener) as () => void;
    expect(ipcRenderer.listenerCount(INTERFACES_CHANGED_CHANNEL)).toBe(1);
    ipcRenderer.emit(INTERFACES_CHANGED_CHANNEL, { sender: ipcRenderer, ports: [] }, 'extra');
    expect(listener).toHaveBeenCalledExactlyOnceWith();
    stop();
    expect(ipcRenderer.listenerCount(INTERFACES_CHANGED_CHANNEL)).toBe(0);
    ipcRenderer.emit(INTERFACES_CHANGED_CHANNEL, {});
    expect(listener).toHaveBeenCalledOnce();
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});
