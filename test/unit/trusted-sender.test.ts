import { isAppUrl, isTrustedSender } from '../../main/security/trusted-sender';

describe('IPC sender check', () => {
  it('trusts only the app window top frame on the app origin', () => {
    expect(isTrustedSender({ frameUrl: 'app://anycast-manager/index.html', isAppMainFrame: true })).toBe(true);
    expect(isTrustedSender({ frameUrl: 'app://anycast-manager/index.html', isAppMainFrame: false })).toBe(false);
    expect(isTrustedSender({ frameUrl: undefined, isAppMainFrame: true })).toBe(false);
  });

  it.each(['https://anycast-manager/', 'app://evil/index.html', 'app://user@anycast-manager/', 'file:///C:/index.html', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(isAppUrl(url)).toBe(false);
      expect(isTrustedSender({ frameUrl: url, isAppMainFrame: true })).toBe(false);
    },
  );
});
