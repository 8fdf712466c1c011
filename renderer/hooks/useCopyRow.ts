/** Copy address or details of a row; where the clipboard is refused, the text is shown to copy by hand. */
import { useState } from 'react';
import type { SystemStatus } from '../../app/model';
import { copyText } from '../clipboard';
import type { CopyFallback } from '../components/CopyFallbackDialog';
import { entryDetailsText } from '../details';
import type { AnycastRowView, CopyWhat } from '../views/anycastRows';

export function useCopyRow(status: SystemStatus | null, notify: (message: string) => void) {
  const [fallback, setFallback] = useState<CopyFallback | null>(null);

  const copy = async (row: AnycastRowView, what: CopyWhat) => {
    const { address } = row.entry;
    const text = what === 'address' ? address : entryDetailsText(row.entry, row.iface, { status, when: new Date() });
    if (await copyText(text)) notify(what === 'address' ? `Copied ${address}` : `Copied the details of ${address}`);
    else setFallback({ text, what: what === 'address' ? 'Address' : 'Details' });
  };

  return { copy: (row: AnycastRowView, what: CopyWhat) => void copy(row, what), fallback, closeFallback: () => setFallback(null) };
}
