import { useState } from 'react';
import Box from '@material-ui/core/Box';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef } from '../../api';
import { saveBlob } from '../shared';
import { ActionButton } from './ActionButton';
import { errorMessage } from '../shared/errorMessage';
import { HelmInstructionsDialog } from './HelmInstructionsDialog';
import { useActionPermission } from './permissions';

/**
 * The Manage customer card's buttons: Helm install instructions (a dialog)
 * and the signed license download, each disabled with the reason when the
 * permission policy denies it.
 */
export function ManageCustomerActions(props: { customerId: string }) {
  const { customerId } = props;
  const api = useApi(customerReportingApiRef);
  const alertApi = useApi(alertApiRef);
  const helm = useActionPermission('helm', customerId);
  const license = useActionPermission('license', customerId);
  const [helmOpen, setHelmOpen] = useState(false);

  const [download, downloadLicense] = useAsyncFn(async () => {
    try {
      const file = await api.downloadLicense(customerId);
      // The backend names the file after the customer (<name>-license.yaml).
      saveBlob(file.blob, file.filename);
    } catch (e) {
      // The button has no room for an error panel; the alert bar does.
      alertApi.post({
        message: `Could not download the license: ${errorMessage(e)}`,
        severity: 'error',
      });
    }
  }, [api, alertApi, customerId]);

  return (
    <Box mt={2} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      <ActionButton
        onClick={() => setHelmOpen(true)}
        disabledReason={helm.disabledReason}
      >
        Helm install instructions
      </ActionButton>
      <ActionButton
        onClick={downloadLicense}
        disabledReason={license.disabledReason}
        busy={download.loading}
      >
        Download license
      </ActionButton>
      <HelmInstructionsDialog
        customerId={customerId}
        open={helmOpen}
        onClose={() => setHelmOpen(false)}
      />
    </Box>
  );
}
