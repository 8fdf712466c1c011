import fc from 'fast-check';
import { parseSddl, RECORDS_FOLDER_SDDL, recordsAclProblems } from '../../main/records/records-acl';

const PROGRAM_DATA_INHERITED = '(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIIOID;GA;;;CO)(A;OICIID;0x1200a9;;;BU)(A;CIID;DCLCRPCR;;;BU)';

describe('the records folder’s access rule', () => {
  it('is owned by Administrators, protected from inheritance, full control for SYSTEM and Administrators, read for Users', () => {
    expect(parseSddl(RECORDS_FOLDER_SDDL)).toEqual({
      owner: 'S-1-5-32-544',
      dacl: {
        protected: true,
        aces: [
          { type: 'A', flags: 'OICI', mask: 0x1f01ff, sid: 'S-1-5-18' },
          { type: 'A', flags: 'OICI', mask: 0x1f01ff, sid: 'S-1-5-32-544' },
          { type: 'A', flags: 'OICI', mask: 0x120089, sid: 'S-1-5-32-545' },
        ],
      },
    });
    expect(recordsAclProblems(RECORDS_FOLDER_SDDL)).toEqual([]);
  });

  it('accepts the same rule as Windows reads it back: inheritance flags added, rights as a number', () => {
    expect(recordsAclProblems('O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)')).toEqual([]);
    expect(recordsAclProblems('O:SYG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;S-1-5-32-544)(D;OICI;FW;;;WD)(A;OICI;FR;;;WD)')).toEqual([]);
  });
});

describe('a loosened records folder is named for what was loosened', () => {
  it.each([
    ['Users given full control', 'O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;BU)', ['Users can change what it holds']],
    ['Everyone given modify', 'O:BAD:P(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;WD)', ['Everyone can change what it holds']],
    ['Authenticated Users allowed to add files', 'O:BAD:P(A;OICI;FA;;;BA)(A;CI;DC;;;AU)', ['Authenticated Users can change what it holds']],
    ['a user allowed to change permissions', 'O:BAD:P(A;OICI;FA;;;BA)(A;;WD;;;S-1-5-21-1-2-3-1001)', ['S-1-5-21-1-2-3-1001 can change what it holds']],
    ['a user as the owner', 'O:S-1-5-21-1-2-3-1001D:P(A;OICI;FA;;;BA)', ['it is owned by S-1-5-21-1-2-3-1001, who can change its permissions']],
    ['inheritance turned back on', `O:BAD:AI(A;OICI;FA;;;BA)${PROGRAM_DATA_INHERITED}`, ['it inherits permissions from the folder above it', 'CREATOR OWNER can change what it holds', 'Users can change what it holds']],
    ['no access list at all', 'O:BAD:NO_ACCESS_CONTROL', ['it has no access list, so everyone has full control']],
    ['no DACL section', 'O:BA', ['it has no access list, so everyone has full control']],
    ['a conditional entry', 'O:BAD:P(A;OICI;FA;;;BA)(XA;;FA;;;WD;(Member_of {SID(BA)}))', ['it has an access entry of a kind the app does not check (XA for Everyone)']],
  ])('%s', (_case, sddl, problems) => {
    expect(recordsAclProblems(sddl)).toEqual(problems);
  });

  it('says so when the descriptor cannot be read', () => {
    expect(recordsAclProblems('D:P(A;OICI;XY;;;BA)')[0]).toMatch(/^its permissions could not be read \(unknown rights XY/);
    expect(recordsAclProblems('D:P(A;OICI;FA;;;BA')[0]).toMatch(/^its permissions could not be read \(unbalanced parentheses/);
    expect(recordsAclProblems('hello')[0]).toMatch(/^its permissions could not be read/);
  });
});

describe('the check, over generated access lists', () => {
  const trusted = fc.constantFrom('SY', 'BA', 'S-1-5-18', 'S-1-5-32-544', 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464');
  const others = fc.constantFrom('BU', 'WD', 'AU', 'IU', 'CO', 'S-1-5-21-1-2-3-1001', 'S-1-5-32-546');
  const anyRights = fc.constantFrom('FA', 'GA', 'FW', '0x1f01ff', 'FR', 'RC', 'WDWO');
  // Read-only by construction: no write, append, delete, attribute, permission or owner bit.
  const readRights = fc.constantFrom('FR', 'FX', 'GR', 'GX', 'RC', 'LO', 'SW', 'CC', 'WP', '0x1200a9', 'FRFX');
  const changeRights = fc.constantFrom('FA', 'FW', 'GA', 'GW', 'DC', 'LC', 'RP', 'DT', 'CR', 'SD', 'WD', 'WO', '0x2', '0x10000', 'FRWD');
  const flags = fc.constantFrom('', 'OICI', 'OICIIO', 'CI', 'OICIID');
  const ace = (sid: fc.Arbitrary<string>, rights: fc.Arbitrary<string>) =>
    fc.tuple(flags, rights, sid).map(([f, r, s]) => `(A;${f};${r};;;${s})`);

  it('finds nothing where only administrators, SYSTEM and TrustedInstaller can change anything', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(ace(trusted, anyRights), ace(others, readRights))), (aces) => {
        expect(recordsAclProblems(`O:BAD:P${aces.join('')}`)).toEqual([]);
      }),
    );
  });

  it('names every other principal that can change something', () => {
    fc.assert(
      fc.property(fc.array(ace(trusted, anyRights)), ace(others, changeRights), fc.nat(), (safe, loose, at) => {
        const aces = [...safe];
        aces.splice(at % (aces.length + 1), 0, loose);
        expect(recordsAclProblems(`O:BAD:P${aces.join('')}`)).toHaveLength(1);
      }),
    );
  });
});
