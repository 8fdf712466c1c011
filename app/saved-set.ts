/**
 * The saved set: anycast entries a technician wants back after a restart, since
 * entries created through the API do not survive one. Stored by main; re-applied
 * on demand through the ordinary create path.
 */
import { z } from 'zod';
import { MAX_ADDRESS_LENGTH } from './address-validation';
import { Family, InterfaceIndex, LuidString } from './model';

export const SAVED_SET_MAX = 10_000;

export const SavedEntry = z
  .object({
    address: z.string().max(MAX_ADDRESS_LENGTH),
    family: Family,
    interfaceLuid: LuidString,
    interfaceIndex: InterfaceIndex,
    /** For people reading the set, and for matching after the LUID changed. */
    interfaceAlias: z.string().max(256),
  })
  .strict();

export const SavedSet = z.object({
  entries: z.array(SavedEntry),
  /** ISO time of the last save, or null when nothing was ever saved. */
  savedAt: z.string().nullable(),
});

export type SavedEntry = z.infer<typeof SavedEntry>;
export type SavedSet = z.infer<typeof SavedSet>;

export const SAVED_SET_FILE = 'saved-set.json';
