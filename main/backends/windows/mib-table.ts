/**
 * Reading a table from a Get*Table function. The function allocates the table;
 * FreeMibTable must release it whatever happens next: a failure code that still
 * came with a table, a row that does not decode, a conversion that throws.
 */
import koffi, { type TypeObject } from 'koffi';
import { NO_ERROR } from '../../../app/win32-errors';
import { fail, ok, type Win32Result } from '../backend';
import type { Out, Pointer } from './windows-api';

export function readMibTable<Row, T>(
  freeMibTable: (memory: bigint) => void,
  getTable: (table: Out<Pointer>) => number,
  tableType: TypeObject,
  rowType: TypeObject,
  convert: (row: Row) => T,
): Win32Result<T[]> {
  const table: Out<Pointer> = [null];
  const code = getTable(table);
  const memory = table[0];
  try {
    if (code !== NO_ERROR) return fail(code);
    if (memory === null) return ok([]);
    const count: number = koffi.decode(memory, koffi.offsetof(tableType, 'NumEntries'), 'uint32_t');
    const rows: Row[] = koffi.decode(memory, koffi.offsetof(tableType, 'Table'), rowType, count);
    return ok(rows.map(convert));
  } finally {
    if (memory !== null) freeMibTable(memory);
  }
}
