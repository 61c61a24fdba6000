import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  API_URL,
  errorAnswer,
  httpBackend,
  renderWithApi,
} from '../../__testUtils__';
import { AdoptionContent } from './AdoptionContent';

/** The Adoption tab's error states, over HTTP with the real client. */
describe('AdoptionContent errors', () => {
  const backend = httpBackend();

  it('says "Not allowed" with the permission the backend named when the app list is refused', async () => {
    backend.server.use(
      http.get(`${API_URL}/v1/apps`, () =>
        errorAnswer(
          403,
          'NotAllowedError',
          'Not allowed: customer-reporting.customer.read',
        ),
      ),
    );
    await renderWithApi(<AdoptionContent />, backend.api);

    expect(await screen.findByText('Not allowed')).toBeInTheDocument();
    expect(
      screen.getByText(
        /You may not see the apps\..*Not allowed: customer-reporting.customer.read/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Stack Trace')).not.toBeInTheDocument();
  });

  it('offers Retry when the app list fails otherwise, and Retry loads it', async () => {
    let calls = 0;
    backend.server.use(
      http.get(`${API_URL}/v1/apps`, () => {
        calls += 1;
        return calls === 1
          ? errorAnswer(503, 'ServiceUnavailableError', 'database down')
          : HttpResponse.json({ items: [] });
      }),
    );
    await renderWithApi(<AdoptionContent />, backend.api);

    expect(await screen.findByText('database down')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No apps yet')).toBeInTheDocument();
  });

  it('shows one "No such app or channel" state for an unknown channel in the address, without Retry', async () => {
    backend.server.use(
      http.get(`${API_URL}/v1/apps`, () =>
        HttpResponse.json({
          items: [{ slug: 'nimbus', name: 'Nimbus', channels: [] }],
        }),
      ),
      http.get(`${API_URL}/v1/apps/nimbus/adoption`, () =>
        errorAnswer(404, 'NotFoundError', 'Unknown channel of nimbus: nightly'),
      ),
    );
    await renderWithApi(<AdoptionContent />, backend.api, [
      '/?appSlug=nimbus&channelSlug=nightly',
    ]);

    expect(
      await screen.findByText('No such app or channel'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Unknown channel of nimbus: nightly/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
    // The app can still be changed from the selectors.
    expect(screen.getByLabelText('App')).toBeInTheDocument();
  });
});
