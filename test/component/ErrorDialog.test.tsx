import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { errorDetailsText, win32Error } from '../../app/error-catalogue';
import { ERROR_OBJECT_ALREADY_EXISTS } from '../../app/win32-errors';
import { simulatedSystemMessage } from '../../main/backends/simulated/system-messages';
import { ErrorDialog } from '../../renderer/components/ErrorDialog';
import { renderWithProviders } from './render';

// The catalogue's words for the code, as the service sends them.
const error = win32Error(ERROR_OBJECT_ALREADY_EXISTS, simulatedSystemMessage(ERROR_OBJECT_ALREADY_EXISTS), {
  operation: 'create',
  address: '192.0.2.10',
  interfaceLabel: 'Ethernet (index 12)',
});

function renderDialog(onClose = vi.fn()) {
  const view = renderWithProviders(<ErrorDialog error={error} onClose={onClose} />);
  const dialog = screen.getByRole('alertdialog', { name: error.title });
  return { ...view, dialog, onClose };
}

describe('Error dialog', () => {
  it('tells what happened, why and what to do, from the AppError', () => {
    const { dialog } = renderDialog();

    expect(within(dialog).getByRole('heading', { name: 'What happened' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent(error.what);
    expect(within(dialog).getByRole('heading', { name: 'Why' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent(error.why);
    expect(within(dialog).getByRole('heading', { name: 'What to do' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent(error.todo);
    expect(dialog).toHaveTextContent('192.0.2.10 on Ethernet (index 12)');
  });

  it('shows the Windows code, its symbolic name and the system message', () => {
    const { dialog } = renderDialog();
    expect(within(dialog).getByText(`5010 · ERROR_OBJECT_ALREADY_EXISTS — ${error.systemMessage}`)).toBeVisible();
  });

  it('puts focus on Close, and Close closes', async () => {
    const { user, onClose } = renderDialog();
    const close = screen.getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();

    await user.click(close);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('copies the ticket text to the clipboard and confirms it', async () => {
    const { user } = renderDialog();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');

    await user.click(screen.getByRole('button', { name: 'Copy details' }));

    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = writeText.mock.calls[0]![0];
    const when = /^Time: (.+)$/m.exec(copied)?.[1];
    expect(when).toBeDefined();
    expect(copied).toBe(errorDetailsText(error, { when: new Date(when!) }));
    expect(copied).toContain('Code: 5010 (ERROR_OBJECT_ALREADY_EXISTS)');
    expect(await screen.findByRole('status')).toHaveTextContent('Copied');
  });

  it('offers the details selected in a text box when the clipboard is not available', async () => {
    const { user } = renderDialog();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));

    await user.click(screen.getByRole('button', { name: 'Copy details' }));

    const box = await screen.findByRole('textbox', { name: 'Error details' });
    const text = (box as HTMLTextAreaElement).value;
    expect(text).toContain(`Anycast Manager error: ${error.title}`);
    expect(box).toHaveFocus();
    expect((box as HTMLTextAreaElement).selectionStart).toBe(0);
    expect((box as HTMLTextAreaElement).selectionEnd).toBe(text.length);
    expect(screen.queryByText('Copied')).not.toBeInTheDocument();
  });

  it('is not shown without an error', () => {
    renderWithProviders(<ErrorDialog error={null} onClose={() => {}} />);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});
