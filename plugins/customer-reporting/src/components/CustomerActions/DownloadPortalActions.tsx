import { useState } from 'react';
import Box from '@material-ui/core/Box';
import { ActionButton } from './ActionButton';
import { GeneratePasswordDialog } from './GeneratePasswordDialog';
import { useActionPermission } from './permissions';
import { SetPasswordDialog } from './SetPasswordDialog';

/**
 * "Generate password" and "Set password" of the Download Portal card.
 * `onChanged` reloads the report, whose "Set on … by …" line then shows
 * the change (the password itself is never part of the report).
 */
export function DownloadPortalActions(props: {
  customerId: string;
  passwordSet: boolean;
  onChanged: () => void;
}) {
  const { customerId, passwordSet, onChanged } = props;
  const permission = useActionPermission('password', customerId);
  const [open, setOpen] = useState<'generate' | 'set' | undefined>();

  const close = (changed: boolean) => {
    setOpen(undefined);
    if (changed) onChanged();
  };

  return (
    <Box mt={2} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      <ActionButton
        onClick={() => setOpen('generate')}
        disabledReason={permission.disabledReason}
      >
        Generate password
      </ActionButton>
      <ActionButton
        onClick={() => setOpen('set')}
        disabledReason={permission.disabledReason}
      >
        Set password
      </ActionButton>
      {open === 'generate' && (
        <GeneratePasswordDialog
          customerId={customerId}
          replaces={passwordSet}
          onClose={close}
        />
      )}
      {open === 'set' && (
        <SetPasswordDialog customerId={customerId} onClose={close} />
      )}
    </Box>
  );
}
