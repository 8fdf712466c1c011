import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SystemStatus } from '../../app/model';
import { StatusBanners } from '../../renderer/components/StatusBanners';
import { WINDOWS_ELEVATED } from './fakeApi';
import { renderWithProviders } from './render';

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
});
