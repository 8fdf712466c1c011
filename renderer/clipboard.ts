/**
 * Copying text for tickets. The clipboard can be refused (Electron denies permission
 * requests; a browser may need focus), so callers get false and offer the text to
 * select by hand instead.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
