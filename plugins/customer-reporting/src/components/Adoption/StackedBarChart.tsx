import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import { LazyTooltip, toneColor } from '../shared';
import { ChartBar } from './adoptionSeries';

const CHART_HEIGHT = 160;

const useStyles = makeStyles((theme: Theme) => ({
  chart: {
    display: 'flex',
    alignItems: 'flex-end',
    height: CHART_HEIGHT,
    gap: 2,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  bar: {
    flex: '1 1 0',
    minWidth: 3,
    display: 'flex',
    flexDirection: 'column-reverse',
    borderRadius: 2,
    overflow: 'hidden',
  },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    marginRight: 4,
    borderRadius: 2,
    verticalAlign: 'middle',
  },
  table: { maxHeight: 360, overflowY: 'auto' },
}));

/**
 * Stacked vertical bars, one per day or week, first segment at the base,
 * with a legend and the same figures as a table for screen readers and
 * exact values (the chart itself is one image with a summary).
 */
export function StackedBarChart(props: {
  /** Names the chart and its table, e.g. 'Share of active instances by versions behind'. */
  title: string;
  bars: ChartBar[];
  /** Bars as shares of 1 (all the same height) or as counts (scaled to the largest). */
  scale: 'share' | 'count';
  summary: string;
  format: (value: number) => string;
}) {
  const { title, bars, scale, summary, format } = props;
  const classes = useStyles();
  const theme = useTheme();
  const [showTable, setShowTable] = useState(false);
  const total = (bar: ChartBar) =>
    bar.segments.reduce((sum, s) => sum + s.value, 0);
  const max = Math.max(1, ...bars.map(total));
  // Shares fill the chart (when anything was active); counts scale to the largest.
  const height = (bar: ChartBar) =>
    scale === 'share' ? Math.min(1, total(bar)) : total(bar) / max;
  const legend = bars[0]?.segments ?? [];

  const caption = (text: string) => (
    <Typography variant="caption" color="textSecondary">
      {text}
    </Typography>
  );

  return (
    <>
      {/* The scale and the first and last periods, as the weekly trend of
          the install audit has them: bars alone said neither how many nor
          when. */}
      <Box display="flex" justifyContent="space-between" mb={0.5}>
        {caption(scale === 'share' ? '100%' : `Max ${format(max)}`)}
      </Box>
      <div
        role="img"
        aria-label={`${title}: ${summary}`}
        className={classes.chart}
      >
        {bars.map(bar => (
          <LazyTooltip
            key={bar.label}
            title={
              <>
                <strong>{bar.label}</strong>
                {bar.segments.map(s => (
                  <div key={s.key}>
                    {s.label}: {format(s.value)}
                  </div>
                ))}
              </>
            }
          >
            <div
              className={classes.bar}
              style={{
                height: `${height(bar) * 100}%`,
              }}
            >
              {bar.segments.map(s => (
                <div
                  key={s.key}
                  style={{
                    flex: `${s.value} 0 0`,
                    backgroundColor: toneColor(theme, s.tone),
                  }}
                />
              ))}
            </div>
          </LazyTooltip>
        ))}
      </div>
      {bars.length > 0 && (
        <Box display="flex" justifyContent="space-between" mt={0.5}>
          {caption(`${bars[0].label} (UTC)`)}
          {bars.length > 1 && caption(`${bars[bars.length - 1].label} (UTC)`)}
        </Box>
      )}
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        mt={1}
        style={{ gap: 12 }}
      >
        {legend.map(s => (
          <Typography key={s.key} variant="caption">
            <span
              className={classes.swatch}
              style={{ backgroundColor: toneColor(theme, s.tone) }}
            />
            {s.label}
          </Typography>
        ))}
        <Box flexGrow={1} />
        <Button size="small" onClick={() => setShowTable(v => !v)}>
          {showTable ? 'Hide table' : 'Show as table'}
        </Button>
      </Box>
      {showTable && (
        <div className={classes.table}>
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow>
                <TableCell>Period (UTC)</TableCell>
                {legend.map(s => (
                  <TableCell key={s.key} align="right">
                    {s.label}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {bars.map(bar => (
                <TableRow key={bar.label}>
                  <TableCell>{bar.label}</TableCell>
                  {bar.segments.map(s => (
                    <TableCell key={s.key} align="right">
                      {format(s.value)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
