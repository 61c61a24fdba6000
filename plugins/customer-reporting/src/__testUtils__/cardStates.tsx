import { screen } from '@testing-library/react';
import { pending, responseError } from './renderWithApi';

/**
 * The states every data card shares, as two tests: a progress bar while its
 * request is pending, and the backend's status, error name and message when
 * the request fails. `renderCard` renders the card with the given answer;
 * `loadedContent` finds what only shows once data has arrived.
 */
// eslint-disable-next-line jest/no-export -- tests shared by the card tests
export function itShowsProgressAndBackendErrors(
  renderCard: (answer: () => Promise<never>) => Promise<unknown>,
  loadedContent?: () => HTMLElement | null,
) {
  it('shows progress while loading', async () => {
    await renderCard(() => pending());

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(loadedContent?.() ?? null).not.toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await responseError(503, 'ServiceUnavailableError', 'down');
    await renderCard(async () => {
      throw error;
    });

    expect(
      await screen.findByText('503: ServiceUnavailableError'),
    ).toBeInTheDocument();
    expect(screen.getByText('down')).toBeInTheDocument();
  });
}
