/**
 * Generators of requests the contract's schema refuses: wrong types, huge strings,
 * prototype-pollution keys as own keys (made with JSON.parse, as a JSON body or a
 * cloned IPC object would be), NaN and out-of-range numbers, and strings with lone
 * surrogates. Each is built to be refused and then filtered through the schema, so
 * a construction that slips (a one-character "string" that is a digit, say) drops
 * that sample instead of failing a run by chance.
 */
import fc from 'fast-check';
import { contract } from '../../app/ipc-contract';

/** Built once: generating a megabyte per run would dominate the run time. */
const HUGE_STRINGS = ['x'.repeat(1_000_000), '\uD800'.repeat(100_000), '1'.repeat(200_000), '192.0.2.1 '.repeat(50_000)];

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const KEY_FIELDS = ['address', 'interfaceLuid', 'interfaceIndex'] as const;

/** Any UTF-16 code units, so lone surrogates and unpaired halves appear often. */
const badUnicode = fc
  .array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0xffff })), { minLength: 1, maxLength: 40 })
  .map((units) => String.fromCharCode(...units));

const hugeString = fc.constantFrom(...HUGE_STRINGS);

const badNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 0.5, 2 ** 32, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MIN_VALUE),
  fc.double().filter((n) => !Number.isInteger(n) || n < 0 || n > 0xffff_ffff),
  fc.integer({ max: -1 }),
  fc.integer({ min: 2 ** 32, max: Number.MAX_SAFE_INTEGER }),
);

/** An object whose only key is a pollution key, e.g. {"__proto__": {"polluted": "yes"}}. */
export const pollutingObject = fc
  .tuple(fc.constantFrom(...POLLUTION_KEYS), fc.jsonValue(), fc.boolean())
  .map(([key, value, nested]) =>
    JSON.parse(nested ? `{"${key}":{"prototype":{"polluted":${JSON.stringify(value)}}}}` : `{"${key}":{"polluted":${JSON.stringify(value) ?? 'null'}}}`),
  );

/** Never a plain object: primitives of every type, arrays, huge and broken strings. */
const notAnObject = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, '', '{}', 'getStatus'),
  badNumber,
  fc.bigInt(),
  fc.string(),
  badUnicode,
  hugeString,
  fc.array(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true })),
);

/** Anything at all, including objects of every shape; a key request it is not. */
const anyValue = fc.oneof(
  notAnObject,
  pollutingObject,
  fc.anything({ withBigInt: true, withNullPrototype: true, withSet: true, withMap: true, withDate: true, withTypedArray: true }),
);

const notAString = fc.oneof(
  fc.constantFrom(undefined, null, 1, Number.NaN, true),
  fc.bigInt(),
  pollutingObject,
  fc.array(fc.string()),
);

// ---- requests that need no arguments: anything but an object without keys ----

/** Objects with at least one own key, pollution keys included. */
const objectWithKeys = fc.oneof(
  pollutingObject,
  fc.dictionary(fc.oneof(fc.string({ minLength: 1 }), badUnicode), anyValue, { minKeys: 1, maxKeys: 4 }),
  fc.tuple(fc.constantFrom(...POLLUTION_KEYS), fc.jsonValue()).map(([key, value]) => JSON.parse(`{"${key}":${JSON.stringify(value) ?? 'null'}}`)),
);

/** What the contract refuses, checked rather than hoped: the schema has the last word on "malformed". */
const refusedBy = (schema: { safeParse(value: unknown): { success: boolean } }) => (value: unknown) => !schema.safeParse(value).success;

export const malformedNoArguments = fc.oneof(notAnObject, objectWithKeys).filter(refusedBy(contract.getStatus.request));

// ---- requests that name an anycast row: a valid key with exactly one thing broken ----

const validAddress = fc.constantFrom('192.0.2.10', '198.51.100.7', '10.1.2.3', '2001:db8::10', 'fe80::1', '2001:DB8:0:0::61');
const validLuid = fc.oneof(fc.constantFrom('1688849877041152', '0', '18446744073709551615'), fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }).map(String));
const validIndex = fc.integer({ min: 1, max: 0xffff_ffff });

export const validKey = fc.record({ address: validAddress, interfaceLuid: validLuid, interfaceIndex: validIndex });

/** Strings that can never be an address: they start with a character no address has. */
const notAnAddress = fc.oneof(
  fc.constantFrom('', '   ', '224.0.0.1', 'ff02::1', '0.0.0.0', '255.255.255.255', '192.0.2.1/24', '1.2.3', '01.2.3.4', '::ffff:192.0.2.1', '::'),
  fc.tuple(fc.constantFrom('z', 'g', '\uD800', '\uDC00', '\u0000', '-'), fc.string({ maxLength: 60 })).map(([head, rest]) => head + rest),
  badUnicode.map((s) => `\uD800${s}`),
);

const LUID_PATTERN = /^(0|[1-9][0-9]{0,19})$/;
const badLuid = fc.oneof(
  notAString,
  hugeString,
  fc.constantFrom('abc', '01', '-1', ' 1', '1 ', '1e5', '0x10', '', '18446744073709551616', '99999999999999999999', '１２'),
  fc.string().filter((s) => !LUID_PATTERN.test(s)),
  // Led by a lone surrogate: bare, badUnicode is sometimes one digit, a valid LUID.
  badUnicode.map((s) => `\uD800${s}`),
  fc.bigInt({ min: 2n ** 64n, max: 10n ** 20n - 1n }).map(String),
);

const badIndex = fc.oneof(badNumber, fc.constantFrom('1', '12', null, undefined, true, 1n), fc.bigInt());

const withField = (field: (typeof KEY_FIELDS)[number], value: fc.Arbitrary<unknown>) =>
  fc.tuple(validKey, value).map(([key, bad]) => ({ ...key, [field]: bad }));

/** A valid key plus one own extra key; pollution keys are written into JSON so they stay own keys. */
const withExtraKey = fc
  .tuple(
    validKey,
    fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string().filter((k) => !(KEY_FIELDS as readonly string[]).includes(k))),
    fc.jsonValue(),
  )
  .map(([key, extra, value]) => JSON.parse(`${JSON.stringify(key).slice(0, -1)},${JSON.stringify(extra)}:${JSON.stringify(value) ?? 'null'}}`));

const withoutField = fc
  .tuple(validKey, fc.constantFrom(...KEY_FIELDS))
  .map(([key, field]) => Object.fromEntries(Object.entries(key).filter(([name]) => name !== field)));

const wronglyShapedKey = fc.oneof(
  notAnObject,
  objectWithKeys,
  withField('address', fc.oneof(notAString, hugeString)),
  withField('interfaceLuid', badLuid),
  withField('interfaceIndex', badIndex),
  withExtraKey,
  withoutField,
);

/** Key requests of the wrong shape: the schema refuses each, so the backend must never hear of it. */
export const malformedKey = wronglyShapedKey.filter(refusedBy(contract.getAnycast.request));

/**
 * Key requests of the right shape that name no row: an address that is not one, or
 * no interface (LUID "0" and index 0). The schema accepts them; the service's domain
 * checks must stop them.
 */
export const shapedButNoRow = fc.oneof(
  withField('address', notAnAddress),
  validAddress.map((address) => ({ address, interfaceLuid: '0', interfaceIndex: 0 })),
);

/** Any key request at all, unfiltered: for properties that hold whatever the schema says. */
export const anyKeyPayload = fc.oneof(validKey, shapedButNoRow, wronglyShapedKey);
