/** The system's own text for a Win32 code, through FormatMessageW. */
import { decodeUtf16 } from './iphlpapi-decode';
import { FORMAT_MESSAGE_FROM_SYSTEM, FORMAT_MESSAGE_IGNORE_INSERTS } from './iphlpapi-types';
import type { Kernel32Bindings } from './iphlpapi-functions';

/** System messages are a sentence or two; one that does not fit is reported as no text. */
const BUFFER_CHARS = 1024;
/** LANG_NEUTRAL: the thread's, then the user's, then the system's language. */
const DEFAULT_LANGUAGE = 0;

/** '' when Windows has no text for the code; the caller then supplies its own. */
export function formatSystemMessage(kernel32: Kernel32Bindings, code: number): string {
  const buffer = new Uint16Array(BUFFER_CHARS);
  const length = kernel32.FormatMessageW(
    // IGNORE_INSERTS: some texts contain %1-style inserts, and there are no arguments to put there.
    FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
    null,
    code >>> 0,
    DEFAULT_LANGUAGE,
    buffer,
    BUFFER_CHARS,
    null,
  );
  if (length === 0) return '';
  // System texts end with CRLF.
  return decodeUtf16(new DataView(buffer.buffer), 0, length).trimEnd();
}
