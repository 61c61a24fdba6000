import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';

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

/**
 * Button that fetches a CSV export and saves it; failures go to the alert
 * bar because the button has no room to show an error panel.
 */
export function CsvDownloadButton(props: {
  label: string;
  filename: string;
  fetchCsv: () => Promise<Blob>;
}) {
  const { label, filename, fetchCsv } = props;
  const alertApi = useApi(alertApiRef);

  const [state, download] = useAsyncFn(async () => {
    try {
      saveBlob(await fetchCsv(), filename);
    } catch (e) {
      alertApi.post({
        message: `Could not download ${filename}: ${(e as Error).message}`,
        severity: 'error',
      });
    }
  }, [fetchCsv, filename, alertApi]);

  return (
    <Button
      variant="outlined"
      size="small"
      startIcon={<GetAppIcon />}
      onClick={() => download()}
      disabled={state.loading}
    >
      {state.loading ? 'Downloading…' : label}
    </Button>
  );
}
