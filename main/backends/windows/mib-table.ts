/**
 * Reading a table from a Get*Table function. The function allocates the table;
 * FreeMibTable must release it whatever happens next: a failure code that still
 * came with a table, a row that does not decode, a conversion that throws.
 */
import koffi, { type TypeObject } from 'koffi';
import { NO_ERROR } from '../../../app/win32-errors';
import { fail, ok, type Win32Result } from '../backend';
import type { Out, Pointer } from './windows-api';

/** A table's rows as one copy of their bytes: row i starts at byte i * stride. */
export interface MibRows {
  bytes: Uint8Array;
  view: DataView;
  count: number;
  stride: number;
}

/**
 * `tableType` is one of the MIB_*_TABLE declarations: NumEntries, then the rows from `Table`.
 * The rows are copied in one koffi.decode call, not decoded one object per row. (koffi.view
 * would avoid the copy, but Electron forbids external buffers; the copy is the cheap part.)
 */
export function readMibTable<T>(
  freeMibTable: (memory: bigint) => void,
  getTable: (table: Out<Pointer>) => number,
  tableType: TypeObject,
  decode: (rows: MibRows) => T,
): Win32Result<T> {
  const table: Out<Pointer> = [null];
  const code = getTable(table);
  const memory = table[0];
  try {
    if (code !== NO_ERROR) return fail(code);
    const rows = tableType.members?.['Table'];
    const stride = rows?.type.ref?.size;
    if (!rows || !stride) throw new Error('readMibTable needs a table type with a Table member');
    const count: number = memory === null ? 0 : koffi.decode(memory, koffi.offsetof(tableType, 'NumEntries'), 'uint32_t');
    const bytes: Uint8Array = count === 0 ? new Uint8Array(0) : koffi.decode(memory, rows.offset, 'uint8_t', count * stride);
    return ok(decode({ bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), count, stride }));
  } finally {
    if (memory !== null) freeMibTable(memory);
  }
}
