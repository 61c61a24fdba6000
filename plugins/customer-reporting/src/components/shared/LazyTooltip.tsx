import { cloneElement, ReactElement, useState } from 'react';
import Tooltip, { TooltipProps } from '@material-ui/core/Tooltip';

/**
 * MUI's Tooltip, mounted only once its element is first hovered. A Tooltip
 * costs hooks, refs and listeners at every render whether it ever opens or
 * not, and a customer report draws 14 uptime bars for each of its
 * instances: hundreds of tooltips of which a reader opens a few. The first
 * hover opens it at once; after that it is MUI's Tooltip as usual.
 *
 * @remarks
 * Only for elements that take no focus: mounting the Tooltip replaces the
 * element, which would drop the focus. The element's accessible name should
 * carry what the tooltip says, for keyboard and screen reader users.
 */
export function LazyTooltip(props: {
  title: TooltipProps['title'];
  children: ReactElement;
}) {
  const { title, children } = props;
  const [open, setOpen] = useState<boolean>();
  if (open === undefined) {
    const mount = () => setOpen(true);
    return cloneElement(children, { onMouseEnter: mount });
  }
  return (
    <Tooltip
      title={title}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      {children}
    </Tooltip>
  );
}
