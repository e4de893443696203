// Types of the commune-charts JavaScript API. The data format is in ./data.d.ts.
import type { ChartKind, CommuneChartData } from './data';

export * from './data';

/** Options of `render` and `update`. */
export interface RenderOptions {
  /** The chart kind; default: the element's `data-commune-chart`, else the data's `chart`, else `overview`. */
  kind?: ChartKind;
}

/** Where an error is: the field path (`communes[1].members`), or the JSON line and column (1-based; 0 when not known). */
/**
 * One thing wrong with a chart's data. The span (`line`, `column` to `endLine`, `endColumn`,
 * 1-based, columns in characters, end exclusive) is the field from its key past its value (a
 * missing field: what should hold it), or a syntax error's character; all 0 when unknown (a
 * `data-src` failure, or past the first six problems).
 */
export interface Problem {
  /** The field, e.g. `communes[1].members` (empty for a syntax error). */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The sentence the chart's alert shows, in the chart's language, its place first. */
  message: string;
  /** The same sentence without its place, for tools that show the place themselves. */
  detail: string;
  /** A syntax error's line, quoted, with a caret under the mistake. */
  excerpt?: string;
  /** A CSV or TSV `data-src`'s problem: the row as the spreadsheet numbers it (the header is row 1)
   *  and the column's header; `line` and `column` are then the cell's place in the file. */
  row?: number;
  header?: string;
}

/** The error `render`/`update` reject with when the data cannot be drawn (the element shows the alert). */
export interface ChartError extends Error {
  /** The chart, still usable: `err.chart.update(fixedData)`. */
  chart: Chart;
  problems: Problem[];
}

export interface Chart {
  readonly element: HTMLElement;
  /** Replaces the data (an object or JSON text). Rejects with a {@link ChartError} when invalid.
   *  A chart with `data-refresh` stops refreshing: the page's script has taken over. */
  update(data: CommuneChartData | string, options?: RenderOptions): Promise<Chart>;
  /** Removes every node, listener and observer the chart added. */
  destroy(): void;
}

export interface ScanOptions {
  /** `false` draws every chart now instead of when it scrolls near the viewport. */
  lazy?: boolean;
}

export interface CommuneChartsApi {
  /** Draws `data` (an object or JSON text) in `element`. Rejects with a {@link ChartError} when invalid. */
  render(element: HTMLElement, data: CommuneChartData | string, options?: RenderOptions): Promise<Chart>;
  /** Finds `[data-commune-chart]` elements under `root` (default: document) not yet drawn, and draws them
   *  (lazily, near the viewport). Resolves with the charts once all of them are drawn or failed. */
  scan(root?: ParentNode, options?: ScanOptions): Promise<Chart[]>;
  /** The chart drawn in `element`, or null. */
  get(element: Element): Chart | null;
  readonly version: string;
}

export interface ReadyDetail {
  kind: ChartKind;
  /** A `data-src` chart's data time: the response's Last-Modified, else when the response came.
   *  Absent for inline data and for data given to `render()` or `update()`. With `data-refresh`
   *  the event fires again for each refresh that brings changed data. */
  updatedAt?: Date;
}

export interface ErrorDetail {
  message: string;
  problems: Problem[];
}

declare global {
  interface HTMLElementEventMap {
    'commune-chart:ready': CustomEvent<ReadyDetail>;
    'commune-chart:error': CustomEvent<ErrorDetail>;
  }
}

export declare const CommuneCharts: CommuneChartsApi;
export declare const render: CommuneChartsApi['render'];
export declare const scan: CommuneChartsApi['scan'];
export declare const get: CommuneChartsApi['get'];
export declare const version: string;
export default CommuneCharts;
