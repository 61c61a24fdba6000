import { ReactNode, useState } from 'react';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';

/** Numbers the hidden reasons, so that each button points to its own. */
let reasonIds = 0;

/**
 * An outlined action button that, when disabled, says why in a tooltip.
 *
 * @remarks
 * A disabled button fires no mouse events, so the tooltip sits on a span
 * around it (MUI also puts the reason in the span's title). The reason is
 * also the button's accessible description (a hidden element it points to),
 * so a screen reader announces it with the button without it taking room on
 * the page. `infoIcon` adds a small icon that hints there is a reason to hover.
 */
export function ActionButton(props: {
  children: ReactNode;
  onClick: () => void;
  disabledReason?: string;
  /** Show an info icon next to the button while it is disabled for a reason. */
  infoIcon?: boolean;
  /** Busy with a request: disabled without a tooltip. */
  busy?: boolean;
  startIcon?: ReactNode;
}) {
  const { children, onClick, disabledReason, infoIcon, busy, startIcon } =
    props;
  // Not React's useId: the plugin supports React 16 and 17 too.
  const [reasonId] = useState(() => `disabled-reason-${++reasonIds}`);
  const button = (
    <Button
      variant="outlined"
      size="small"
      onClick={onClick}
      disabled={Boolean(disabledReason) || busy}
      aria-describedby={disabledReason ? reasonId : undefined}
      startIcon={startIcon}
    >
      {children}
    </Button>
  );
  if (!disabledReason) return button;
  return (
    <Tooltip title={disabledReason}>
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        {button}
        {infoIcon && (
          <InfoOutlinedIcon
            fontSize="small"
            color="action"
            aria-hidden
            data-testid="disabled-reason-icon"
          />
        )}
        <span id={reasonId} hidden>
          {disabledReason}
        </span>
      </span>
    </Tooltip>
  );
}
