/**
 * Finds the AnycastApi this page can use: the preload's in Electron, otherwise the
 * browser preview's HTTP API when the preview server left its token in the page.
 */
import { API_GLOBAL, methods, type AnycastApi, type Method, type Reply, type Request, type RequestApi } from '../../app/ipc-contract';
import { createPreviewApi } from './previewApi';
import { describeThrown, transportError } from './transportError';

export type ApiConnection = { kind: 'electron' | 'preview'; api: AnycastApi } | { kind: 'missing' };

export const PREVIEW_TOKEN_META = 'anycast-preview-token';

export function connectToApi(win: Window = window): ApiConnection {
  const exposed = win[API_GLOBAL];
  if (exposed) return { kind: 'electron', api: withRejectionsAsReplies(exposed) };
  const token = win.document.querySelector(`meta[name="${PREVIEW_TOKEN_META}"]`)?.getAttribute('content')?.trim();
  if (token) return { kind: 'preview', api: createPreviewApi(token) };
  return { kind: 'missing' };
}

/** ipcRenderer.invoke rejects when main has no handler or crashed; the UI only deals in Replies. */
function withRejectionsAsReplies(api: AnycastApi): AnycastApi {
  function guard<M extends Method>(method: M) {
    const invoke: RequestApi[M] = api[method];
    return async (request: Request<M>): Promise<Reply<M>> => {
      try {
        return await invoke(request);
      } catch (thrown) {
        return { ok: false, error: transportError(method, { kind: 'unreachable', detail: describeThrown(thrown) }, request) };
      }
    };
  }
  const requests = Object.fromEntries(methods.map((method) => [method, guard(method)])) as RequestApi;
  // Subscribing never crosses IPC, so there is no reply to guard.
  return { ...requests, onInterfacesChanged: (listener) => api.onInterfacesChanged(listener) };
}
