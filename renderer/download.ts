/**
 * Saving a file the app made: a Blob behind an <a download> link. This works the same
 * in Electron (the session's download handling asks where to save) and in the browser
 * preview, and needs no file-system access in the sandboxed renderer.
 */
export interface TextFile {
  fileName: string;
  text: string;
  /** MIME type with charset; the text is encoded as UTF-8. */
  type: string;
}

/** Revoking the URL at once can cancel a download that has not started reading it yet. */
const REVOKE_AFTER_MS = 60_000;

export function saveTextFile({ fileName, text, type }: TextFile): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
