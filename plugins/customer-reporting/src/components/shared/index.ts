export { AppStatusChip, APP_STATUS_DISPLAY } from './AppStatusChip';
export { CardEmpty } from './CardEmpty';
export { CardTable } from './CardTable';
export { CsvDownloadButton, saveBlob } from './CsvDownloadButton';
export { DataCard } from './DataCard';
export type { AsyncValue } from './DataCard';
export { DateTimeText } from './DateTimeText';
export { DefinitionList } from './DefinitionList';
export type { Definition } from './DefinitionList';
export { LazyTooltip } from './LazyTooltip';
export { Muted } from './Muted';
export { TagChips } from './TagChips';
export { ToneChip, toneColor } from './ToneChip';
export type { Tone } from './ToneChip';
export { UptimeBar, describeShares, useUptimeColors } from './UptimeBar';
export type { UptimeShares } from './UptimeBar';
export { UptimeDayBars } from './UptimeDayBars';
export { LoadMoreFooter } from './LoadMoreFooter';
export type { PagedList } from './LoadMoreFooter';
export { FilterSelect } from './FilterSelect';
export { oneOf } from './oneOf';
export { ReadableTheme } from './ReadableTheme';
export { SynchronousMount } from './SynchronousMount';
export { ScrollingTable } from './ScrollingTable';
export { PageLoadError } from './PageLoadError';
export { notAllowed, NotAllowedState } from './NotAllowed';
export { LoadError } from './LoadError';
export { hasStatus } from './errorStatus';
export { withContrast } from './contrast';
export { useCursorPages } from './useCursorPages';
export type { CursorPage } from './useCursorPages';
export {
  foldedUnder,
  hiddenWhenNarrow,
  NARROW_WINDOW,
  rowCells,
  shownColumns,
  useNarrowTablePadding,
  useNarrowWindow,
  useShownColumns,
} from './narrowColumns';
export type { ColumnSpec, ShownColumn } from './narrowColumns';
