/**
 * Finds the AnycastApi this page can use: the preload's in Electron, otherwise the
 * browser preview's HTTP API when the page was opened with the preview's token.
 */
import { API_GLOBAL, requestApiOf } from '../../app/ipc-channels';
import type { AnycastApi, Method, Reply, Request, RequestApi } from '../../app/ipc-contract';
import { PREVIEW_TOKEN_PARAM } from '../../app/preview-protocol';
import { createPreviewApi } from './previewApi';
import { describeThrown, transportError } from './transportError';

export type ApiConnection = { kind: 'electron' | 'preview'; api: AnycastApi } | { kind: 'missing' };

/** Where this tab keeps the preview's token once it has left the address bar. */
export const PREVIEW_TOKEN_STORAGE_KEY = 'anycast-preview-token';

export function connectToApi(win: Window = window): ApiConnection {
  const exposed = win[API_GLOBAL];
  if (exposed) return { kind: 'electron', api: withRejectionsAsReplies(exposed) };
  const token = takePreviewToken(win);
  if (token) return { kind: 'preview', api: createPreviewApi(token) };
  return { kind: 'missing' };
}

/**
 * The preview hands its token only to the person who started it, in the fragment of the
 * address it prints (#token=...), which the browser never sends to a server. The page
 * takes it out of the address bar (history, bookmarks, a shared screen) and keeps it in
 * this tab's session storage, where a reload finds it.
 */
function takePreviewToken(win: Window): string | undefined {
  const given = new URLSearchParams(win.location.hash.slice(1)).get(PREVIEW_TOKEN_PARAM)?.trim();
  if (given) {
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}`);
    try {
      win.sessionStorage.setItem(PREVIEW_TOKEN_STORAGE_KEY, given);
    } catch {
      // Storage turned off: this load still works; a reload needs the printed address again.
    }
    return given;
  }
  try {
    return win.sessionStorage.getItem(PREVIEW_TOKEN_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** ipcRenderer.invoke rejects when main has no handler or crashed; the UI only deals in Replies. */
function withRejectionsAsReplies(api: AnycastApi): AnycastApi {
  async function guarded<M extends Method>(method: M, request: Request<M>): Promise<Reply<M>> {
    try {
      const invoke: RequestApi[M] = api[method];
      return await invoke(request);
    } catch (thrown) {
      return { ok: false, error: transportError(method, { kind: 'unreachable', detail: describeThrown(thrown) }, request) };
    }
  }
  const requests = requestApiOf(guarded);
  // Subscribing never crosses IPC, so there is no reply to guard.
  return { ...requests, onInterfacesChanged: (listener) => api.onInterfacesChanged(listener) };
}
