/**
 * Where bulk add's rows come from: the text box, or a file. Size and row count are
 * checked before the text reaches the text box or the preview, so a huge file or paste
 * is refused at once, with the reason, instead of freezing the window.
 */
import { useState, type ChangeEvent, type ClipboardEvent } from 'react';
import { importFileProblem, importTextProblem } from '../../app/bulk-import';

/**
 * A file longer than this is previewed as it is, not shown in the text box: a browser takes
 * seconds to lay out a text box of thousands of lines (about 3 s for 5 MB), which would freeze the window.
 */
export const MAX_SHOWN_CHARS = 50_000;

/** The file the rows come from; `text` is set when it is too long to show in the text box. */
interface LoadedFile {
  name: string;
  text?: string;
}

/** `onNewFile` runs when a file is loaded (its format is detected afresh). */
export function useImportSource(onNewFile: () => void) {
  const [text, setText] = useState('');
  const [loadedFile, setLoadedFile] = useState<LoadedFile | null>(null);
  /** Why a file or a paste was not taken: too big to show or preview. */
  const [refusal, setRefusal] = useState<string | null>(null);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again (after editing it) still loads it.
    event.target.value = '';
    if (!file) return;
    const tooBig = importFileProblem(file.name, file.size);
    if (tooBig) {
      setRefusal(tooBig);
      return;
    }
    let content: string;
    try {
      content = await file.text();
    } catch (fault) {
      setRefusal(`${file.name} could not be read (${fault instanceof Error ? fault.message : String(fault)}). Check that it is still there and try again.`);
      return;
    }
    const overLimit = importTextProblem(content);
    if (overLimit) {
      setRefusal(`${file.name} was not loaded. ${overLimit}`);
      return;
    }
    setRefusal(null);
    onNewFile();
    if (content.length > MAX_SHOWN_CHARS) {
      setLoadedFile({ name: file.name, text: content });
    } else {
      setText(content);
      setLoadedFile({ name: file.name });
    }
  };

  const refuseHugePaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const overLimit = importTextProblem(event.clipboardData.getData('text'));
    if (overLimit) {
      event.preventDefault();
      setRefusal(`The pasted text was not added. ${overLimit}`);
    } else setRefusal(null);
  };

  return { text, setText, loadedFile, setLoadedFile, refusal, readFile, refuseHugePaste };
}
