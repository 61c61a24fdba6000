import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { LoadError } from './LoadError';

/** What the cursor-paged list hooks (customers, attempts, events, audit) expose. */
export interface PagedList {
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  loadMoreError?: Error;
}

/**
 * The end of a cursor-paged list: the error of the last "Load more", and the
 * button while there is more. `remaining` adds an "N more" hint;
 * `spacing` is `inset` inside a card, `below` under a table of its own.
 */
export function LoadMoreFooter(props: {
  list: PagedList;
  what: string;
  remaining?: number;
  spacing?: 'inset' | 'below';
}) {
  const { list, what, remaining, spacing = 'inset' } = props;
  const space = spacing === 'inset' ? { p: 2 } : { mt: 2 };
  return (
    <>
      {list.loadMoreError && (
        <Box {...space}>
          {/* No Retry: the "Load more" button below asks again. */}
          <LoadError
            title={`Could not load more ${what}`}
            error={list.loadMoreError}
          />
        </Box>
      )}
      {list.hasMore && (
        <Box {...space} display="flex" alignItems="center" style={{ gap: 16 }}>
          <Button
            variant="outlined"
            color="primary"
            onClick={list.loadMore}
            disabled={list.loadingMore}
          >
            {list.loadingMore ? 'Loading…' : 'Load more'}
          </Button>
          {remaining !== undefined && (
            <Typography variant="body2" color="textSecondary">
              {remaining} more
            </Typography>
          )}
        </Box>
      )}
    </>
  );
}
