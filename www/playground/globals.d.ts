// The playground page's globals, for the type check only (tsconfig.json): browsers never load
// this file, and a newsroom need not copy it.
import type { CommuneChartsApi } from '../../npm/index';

declare global {
  interface Window {
    /** The widget: dist/commune-charts.js, loaded before the playground's modules (if it loaded). */
    CommuneCharts?: CommuneChartsApi;
    /** The playground's pure helpers, for tests and the curious (main.js). */
    CommuneChartsPlayground?: object;
  }
}
export {};
