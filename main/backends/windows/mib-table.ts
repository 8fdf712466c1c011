/**
 * Reading a table from a Get*Table function. The function allocates the table;
 * FreeMibTable releases it whatever happens next (a failure code that still came with
 * a table, a copy that throws), and the rows are decoded from their copy afterwards.
 */
import koffi, { type TypeObject } from 'koffi';
import { NO_ERROR } from '../../../app/win32-errors';
import { fail, ok, type Win32Result } from '../backend';
import type { Out, Pointer } from './iphlpapi-functions';

/** A table's rows as one copy of their bytes: row i starts at byte i * stride. */
export interface MibRows {
  bytes: Uint8Array;
  view: DataView;
  count: number;
  stride: number;
}

/**
 * `getTable` fills in the table pointer (on a worker thread; koffi writes it into the array
 * before the promise settles). `tableType` is one of the MIB_*_TABLE declarations.
 */
export async function readMibTable(
  freeMibTable: (memory: bigint) => void,
  getTable: (table: Out<Pointer>) => Promise<number>,
  tableType: TypeObject,
): Promise<Win32Result<MibRows>> {
  const table: Out<Pointer> = [null];
  const code = await getTable(table);
  const memory = table[0];
  try {
    return code === NO_ERROR ? ok(copyMibRows(memory, tableType)) : fail(code);
  } finally {
    if (memory !== null) freeMibTable(memory);
  }
}

/**
 * The rows of a table in native memory (NULL: none): NumEntries, then the rows from `Table`,
 * copied in one koffi.decode call rather than decoded one object per row. (koffi.view would
 * avoid the copy, but Electron forbids external buffers; the copy is the cheap part.)
 */
export function copyMibRows(memory: Pointer, tableType: TypeObject): MibRows {
  const rows = tableType.members?.['Table'];
  const stride = rows?.type.ref?.size;
  if (!rows || !stride) throw new Error('copyMibRows needs a table type with a Table member');
  const count: number = memory === null ? 0 : koffi.decode(memory, koffi.offsetof(tableType, 'NumEntries'), 'uint32_t');
  const bytes: Uint8Array = count === 0 ? new Uint8Array(0) : koffi.decode(memory, rows.offset, 'uint8_t', count * stride);
  return { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), count, stride };
}
