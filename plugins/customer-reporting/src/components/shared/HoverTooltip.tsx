import { MouseEvent, useState } from 'react';
import Tooltip, { TooltipProps } from '@material-ui/core/Tooltip';

/** The attribute that gives an element of the group its index. */
export const HOVER_INDEX = 'data-hover-index';

/**
 * One tooltip for a group of elements that take no focus, shown over the
 * element the pointer is on. A Tooltip (even a LazyTooltip) per element
 * costs components and hooks for each at every render; a customer report
 * draws 14 uptime bars for each of its instances. Each element carries its
 * index in `data-hover-index` and an accessible name with what `title`
 * says, for keyboard and screen reader users.
 *
 * @returns the handlers for the group's element and the tooltip to render
 * beside it (null while nothing is hovered).
 */
export function useHoverTooltip(
  title: (index: number) => TooltipProps['title'],
) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const groupProps = {
    onMouseOver: (event: MouseEvent) =>
      setAnchor(
        (event.target as Element).closest<HTMLElement>(`[${HOVER_INDEX}]`),
      ),
    onMouseLeave: () => setAnchor(null),
  };
  const tooltip = anchor && (
    <Tooltip
      open
      title={title(Number(anchor.getAttribute(HOVER_INDEX)))}
      PopperProps={{ anchorEl: anchor }}
    >
      {/* MUI's Tooltip wraps an element; this one is never seen, the
          tooltip shows at the hovered element instead. */}
      <span hidden />
    </Tooltip>
  );
  return { groupProps, tooltip };
}
