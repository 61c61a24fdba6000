import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { customerReportingExportPermission } from '@customer-reporting/plugin-customer-reporting-common';
import { errorMessage } from './errorMessage';

/**
 * Hands a downloaded file to the browser as if it came from a link.
 *
 * @remarks
 * The exports need the user's Backstage token, which a plain `<a href>`
 * would not send, so the file is fetched with the fetchApi and saved from an
 * object URL instead.
 */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Why the export buttons are disabled, when the permission policy says no. */
export const EXPORT_DENIED_REASON =
  "You don't have permission to export CSV files";

/**
 * Button that fetches a CSV export and saves it; failures go to the alert
 * bar because the button has no room to show an error panel. Disabled, with
 * the reason as a tooltip, for users the policy does not let export (the
 * backend answers them 403 anyway).
 */
export function CsvDownloadButton(props: {
  label: string;
  filename: string;
  fetchCsv: () => Promise<Blob>;
}) {
  const { label, filename, fetchCsv } = props;
  const alertApi = useApi(alertApiRef);
  const permission = usePermission({
    permission: customerReportingExportPermission,
  });

  const [state, download] = useAsyncFn(async () => {
    try {
      saveBlob(await fetchCsv(), filename);
    } catch (e) {
      alertApi.post({
        message: `Could not download ${filename}: ${errorMessage(e)}`,
        severity: 'error',
      });
    }
  }, [fetchCsv, filename, alertApi]);

  const deniedReason = permission.loading
    ? 'Checking your permissions…'
    : EXPORT_DENIED_REASON;
  const button = (
    <Button
      variant="outlined"
      size="small"
      startIcon={<GetAppIcon />}
      onClick={() => download()}
      disabled={state.loading || !permission.allowed}
    >
      {state.loading ? 'Downloading…' : label}
    </Button>
  );
  if (permission.allowed) return button;
  // A disabled button fires no events: the span carries the tooltip.
  return (
    <Tooltip title={deniedReason}>
      <span>{button}</span>
    </Tooltip>
  );
}
