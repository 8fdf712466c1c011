import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SystemStatus } from '../../app/model';
import { StatusBanners } from '../../renderer/components/StatusBanners';
import { inProcessApi } from './inProcessApi';
import { renderWithProviders } from './render';

// The status the service gives for an elevated Windows machine with the anycast API.
const reply = await inProcessApi().getStatus({});
if (!reply.ok) throw new Error('The in-process service gave no status.');
const WINDOWS_ELEVATED = reply.value;

function renderBanners(status: Partial<SystemStatus>) {
  return renderWithProviders(<StatusBanners status={{ ...WINDOWS_ELEVATED, ...status }} />);
}

const simulated = (simulatedReason: SystemStatus['simulatedReason']) => ({ backend: 'simulated' as const, simulatedReason });

describe('Status banners', () => {
  it('shows nothing on an elevated Windows machine with the anycast API', () => {
    const { container } = renderBanners({});
    expect(container).toHaveTextContent('');
  });

  it.each([
    ['demo-flag', /started with --demo/],
    ['not-windows', /This computer is not running Windows/],
    ['preview', /browser preview/],
  ] as const)('explains the simulated computer when the reason is %s', (reason, wording) => {
    renderBanners(simulated(reason));
    expect(screen.getByText('Simulated computer')).toBeVisible();
    expect(screen.getByText(wording)).toBeVisible();
    expect(screen.getByText(/changes are not applied to this computer/)).toBeVisible();
  });

  it('warns that writes will be refused when not elevated, and how to fix it', () => {
    renderBanners({ elevated: false });
    expect(screen.getByText('Not running as administrator')).toBeVisible();
    expect(screen.getByText(/will fail with “Access denied”/)).toBeVisible();
    expect(screen.getByText(/Run as administrator/)).toBeVisible();
    expect(screen.queryByText('Simulated computer')).not.toBeInTheDocument();
  });

  it('says when the anycast functions are missing', () => {
    renderBanners({ anycastApi: false });
    expect(screen.getByText('Anycast functions unavailable')).toBeVisible();
    expect(screen.getByText(/The interface list still works/)).toBeVisible();
  });

  it('stacks every banner that applies', () => {
    renderBanners({ ...simulated('demo-flag'), elevated: false, anycastApi: false });
    expect(screen.getByText('Simulated computer')).toBeVisible();
    expect(screen.getByText('Not running as administrator')).toBeVisible();
    expect(screen.getByText('Anycast functions unavailable')).toBeVisible();
  });

  it('warns when the records folder lets others than administrators change it, naming why and where', () => {
    const records = {
      path: 'C:\\ProgramData\\Anycast Manager',
      access: 'loosened' as const,
      problems: ['Users can change what it holds', 'it inherits permissions from the folder above it'],
    };
    renderBanners({ records });
    expect(screen.getByText('Records folder not protected')).toBeVisible();
    const banner = screen.getByText(/Users can change what it holds; it inherits permissions from the folder above it\./);
    expect(banner).toHaveTextContent('may be able to change the records in C:\\ProgramData\\Anycast Manager');
  });

  it('warns when the records folder’s permissions could not be checked', () => {
    renderBanners({ records: { path: 'C:\\Users\\tech1\\AppData\\Roaming\\Anycast Manager', access: 'unverified', problems: ['its permissions could not be read (Windows error 5)'] } });
    expect(screen.getByText('Records folder not checked')).toBeVisible();
  });

  it('says nothing about a per-user folder', () => {
    const { container } = renderBanners({ records: { path: '/home/tech/.config/Anycast Manager', access: 'per-user', problems: [] } });
    expect(container).toHaveTextContent('');
  });
});
