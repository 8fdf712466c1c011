import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MissingApiPage } from '../../renderer/components/MissingApiPage';
import { renderWithProviders } from './render';

describe('Page opened without the app behind it', () => {
  it('explains that Anycast Manager must be started with npm start', () => {
    renderWithProviders(<MissingApiPage />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Anycast Manager is not connected');
    expect(alert).toHaveTextContent('Start the app with npm start');
  });
});
