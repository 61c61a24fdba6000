import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { CopyTextButton, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef } from '../../api';
import { errorMessage } from '../shared/errorMessage';

const useStyles = makeStyles(theme => ({
  command: {
    flex: 1,
    margin: 0,
    padding: theme.spacing(1, 1.5),
    background: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
    fontSize: '0.85rem',
    // Long OCI URLs wrap instead of widening the dialog.
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
  },
}));

function Command(props: { label: string; command: string }) {
  const classes = useStyles();
  return (
    <Box mb={2}>
      <Typography variant="subtitle2" gutterBottom>
        {props.label}
      </Typography>
      <Box display="flex" alignItems="flex-start" style={{ gap: 4 }}>
        <pre className={classes.command} aria-label={props.label}>
          {props.command}
        </pre>
        <CopyTextButton
          text={props.command}
          tooltipText="Command copied"
          aria-label={`Copy ${props.label.toLowerCase()} command`}
        />
      </Box>
    </Box>
  );
}

/**
 * The two Helm commands for a customer, fetched when the dialog opens. The
 * backend refuses (409) when Helm install cannot work for this customer, and
 * its reason is shown as is: it names what to fix.
 */
export function HelmInstructionsDialog(props: {
  customerId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { customerId, open, onClose } = props;
  const api = useApi(customerReportingApiRef);
  const state = useAsync(
    async () => (open ? api.getHelmInstructions(customerId) : undefined),
    [api, customerId, open],
  );

  let body;
  if (state.error) {
    body = (
      <Alert severity="warning" role="alert">
        {errorMessage(state.error)}
      </Alert>
    );
  } else if (state.loading || !state.value) {
    body = <Progress />;
  } else {
    body = (
      <>
        <Command label="Registry login" command={state.value.registryLogin} />
        <Command label="Install" command={state.value.install} />
        {state.value.notes.length > 0 && (
          <Box component="ul" pl={2} m={0}>
            {state.value.notes.map(note => (
              <li key={note}>
                <Typography variant="body2">{note}</Typography>
              </li>
            ))}
          </Box>
        )}
      </>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="helm-instructions-title"
    >
      <DialogTitle id="helm-instructions-title">
        Helm install instructions
      </DialogTitle>
      <DialogContent>{body}</DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
