import { catalogueEntry, errorDetailsText, invalidRequestError, knownCodes, win32Error } from '../../app/error-catalogue';
import {
  ERROR_ACCESS_DENIED,
  ERROR_INVALID_PARAMETER,
  ERROR_NOT_FOUND,
  ERROR_NOT_SUPPORTED,
  ERROR_OBJECT_ALREADY_EXISTS,
  win32Symbol,
} from '../../app/win32-errors';

describe('error catalogue', () => {
  it('covers every code the API document lists', () => {
    for (const code of [ERROR_ACCESS_DENIED, ERROR_INVALID_PARAMETER, ERROR_NOT_FOUND, ERROR_NOT_SUPPORTED, ERROR_OBJECT_ALREADY_EXISTS]) {
      expect(knownCodes()).toContain(code);
    }
  });

  it('gives every entry a title, what happened, why and what to do', () => {
    for (const code of knownCodes()) {
      const entry = catalogueEntry(code);
      expect(entry.title.length).toBeGreaterThan(5);
      for (const text of [entry.what, entry.why, entry.todo]) expect(text.length).toBeGreaterThan(20);
    }
  });

  it('tells an unelevated user to run as administrator', () => {
    expect(catalogueEntry(ERROR_ACCESS_DENIED).todo).toMatch(/Run as administrator/);
  });

  it('tells the user to pick an interface with the right stack', () => {
    expect(catalogueEntry(ERROR_NOT_SUPPORTED).todo).toMatch(/IPv6 for an IPv6 address/);
  });

  it('falls back to general advice for a code it does not know', () => {
    const error = win32Error(1232, 'The network location cannot be reached.', { operation: 'create' });
    expect(error).toMatchObject({ code: 1232, symbol: '0x000004D0', title: 'Windows reported an error' });
    expect(error.systemMessage).toBe('The network location cannot be reached.');
  });

  it('supplies a system message when Windows has none', () => {
    expect(win32Error(ERROR_NOT_FOUND, '  ', { operation: 'delete' }).systemMessage).toBe('No system message is available for error 1168.');
  });

  it('names codes symbolically', () => {
    expect(win32Symbol(ERROR_OBJECT_ALREADY_EXISTS)).toBe('ERROR_OBJECT_ALREADY_EXISTS');
    expect(win32Symbol(0x80070005)).toBe('0x80070005');
  });

  it('keeps the specific reason of a request refused before Windows was called', () => {
    const error = invalidRequestError('224.0.0.1 is a multicast address.', 'The parameter is incorrect.', { operation: 'create' });
    expect(error).toMatchObject({ code: 87, symbol: 'ERROR_INVALID_PARAMETER', what: '224.0.0.1 is a multicast address.' });
  });

  it('writes ticket details with every fact on its own line', () => {
    const error = win32Error(ERROR_OBJECT_ALREADY_EXISTS, 'The object already exists.', {
      operation: 'create',
      address: '192.0.2.10',
      interfaceLabel: 'Ethernet (index 12)',
    });
    const text = errorDetailsText(error, { hostname: 'PC-042', when: new Date('2026-11-25T10:00:00Z') });
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'Machine: PC-042',
        'Time: 2026-11-25T10:00:00.000Z',
        'Address: 192.0.2.10',
        'Interface: Ethernet (index 12)',
        'Code: 5010 (ERROR_OBJECT_ALREADY_EXISTS)',
        'System message: The object already exists.',
      ]),
    );
  });
});
