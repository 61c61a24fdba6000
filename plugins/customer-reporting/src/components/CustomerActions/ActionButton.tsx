import { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';

/**
 * An outlined action button that, when disabled, says why in a tooltip.
 *
 * @remarks
 * A disabled button fires no mouse events, so the tooltip sits on a span
 * around it (MUI also puts the reason in the span's title).
 */
export function ActionButton(props: {
  children: ReactNode;
  onClick: () => void;
  disabledReason?: string;
  /** Busy with a request: disabled without a tooltip. */
  busy?: boolean;
  startIcon?: ReactNode;
}) {
  const { children, onClick, disabledReason, busy, startIcon } = props;
  const button = (
    <Button
      variant="outlined"
      size="small"
      onClick={onClick}
      disabled={Boolean(disabledReason) || busy}
      startIcon={startIcon}
    >
      {children}
    </Button>
  );
  if (!disabledReason) return button;
  return (
    <Tooltip title={disabledReason}>
      <span>{button}</span>
    </Tooltip>
  );
}
