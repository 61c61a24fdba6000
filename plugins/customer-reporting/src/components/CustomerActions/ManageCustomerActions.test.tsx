import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { customerLicenseDownloadPermission } from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingApi } from '../../api';
import { responseError, stubDownloads } from '../../__testUtils__';
import {
  PermissionDecision,
  renderWithPermission,
} from './__testUtils__/renderWithPermission';
import { ManageCustomerActions } from './ManageCustomerActions';
import { DENIED_REASONS } from './permissions';

const instructions = {
  registryLogin:
    'helm registry login registry.example.com --username admin@acme.test --password lic_0205',
  install:
    'helm install nimbus oci://registry.example.com/nimbus/nimbus --version 2.11.0',
  notes: ["The password is Acme Corp's license ID; treat it as a secret."],
};

// usePermission caches decisions globally (SWR) by permission and resource,
// so each render uses a customer of its own to get a fresh decision.
let customerCount = 0;
let customerId = 'cus_0';

function render(
  api: Partial<CustomerReportingApi>,
  decision: PermissionDecision = AuthorizeResult.ALLOW,
) {
  customerId = `cus_${++customerCount}`;
  return renderWithPermission(
    <ManageCustomerActions customerId={customerId} />,
    api,
    decision,
  );
}

describe('ManageCustomerActions', () => {
  it('opens the Helm instructions with a copy button per command', async () => {
    const getHelmInstructions = jest.fn(async () => instructions);
    await render({ getHelmInstructions });

    // Fetched only when the dialog opens.
    expect(getHelmInstructions).not.toHaveBeenCalled();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Helm install instructions' }),
    );

    const dialog = await screen.findByRole('dialog');
    expect(getHelmInstructions).toHaveBeenCalledWith(customerId);
    expect(
      await within(dialog).findByText(instructions.registryLogin),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(instructions.install)).toBeInTheDocument();
    expect(within(dialog).getByText(instructions.notes[0])).toBeInTheDocument();
    const copyInstall = within(dialog).getByRole('button', {
      name: 'Copy install command',
    });
    expect(
      within(dialog).getByRole('button', {
        name: 'Copy registry login command',
      }),
    ).toBeInTheDocument();
    await userEvent.click(copyInstall);
    expect(await screen.findByText('Command copied')).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it("shows the backend's reason when Helm install is not possible", async () => {
    const error = await responseError(
      409,
      'ConflictError',
      'Acme Corp has no email address: the Helm registry login uses it as the username',
    );
    await render({ getHelmInstructions: () => Promise.reject(error) });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Helm install instructions' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Acme Corp has no email address: the Helm registry login uses it as the username',
    );
    expect(screen.queryByText(/helm install nimbus/)).not.toBeInTheDocument();
  });

  it('says to sign in again when the session expired, not the bare 401 message', async () => {
    const error = await responseError(
      401,
      'AuthenticationError',
      'Missing credentials',
    );
    await render({ getHelmInstructions: () => Promise.reject(error) });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Helm install instructions' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your session expired (Missing credentials). Sign in again or reload the page, then try again.',
    );
  });

  it('saves the license under the file name the backend gives', async () => {
    const blob = new Blob(['apiVersion: customer-reporting/v1\n']);
    const downloadLicense = jest.fn(async () => ({
      blob,
      filename: 'acme-corp-license.yaml',
    }));
    const downloads = stubDownloads('blob:license');

    await render({ downloadLicense });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Download license' }),
    );

    await waitFor(() =>
      expect(downloads.saved().map(a => a.download)).toEqual([
        'acme-corp-license.yaml',
      ]),
    );
    expect(downloadLicense).toHaveBeenCalledWith(customerId);
    expect(downloads.createObjectURL).toHaveBeenCalledWith(blob);
    downloads.restore();
  });

  it('disables both actions with the reason when everything is denied', async () => {
    const getHelmInstructions = jest.fn(async () => instructions);
    await render({ getHelmInstructions }, AuthorizeResult.DENY);

    const helm = await screen.findByRole('button', {
      name: 'Helm install instructions',
    });
    await waitFor(() => expect(helm).toBeDisabled());
    const license = screen.getByRole('button', { name: 'Download license' });
    expect(license).toBeDisabled();
    expect(helm.parentElement).toHaveAttribute('title', DENIED_REASONS.helm);
    expect(license.parentElement).toHaveAttribute(
      'title',
      "You don't have permission to download licenses",
    );
    expect(getHelmInstructions).not.toHaveBeenCalled();
  });

  it('denies only the license download when only that is denied', async () => {
    await render({}, name =>
      name === customerLicenseDownloadPermission.name
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    );

    const license = await screen.findByRole('button', {
      name: 'Download license',
    });
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Helm install instructions' }),
      ).toBeEnabled(),
    );
    expect(license).toBeDisabled();
    expect(license.parentElement).toHaveAttribute(
      'title',
      DENIED_REASONS.license,
    );
  });
});
