// The entry bench/build.mjs bundles (esbuild, IIFE, minified) into bench/results/build/
// chartjs-tree.min.js: Chart.js 4 with only what a horizontal bar chart with a title and a
// tooltip needs, registered the way Chart.js's docs show for tree-shaking ("Integration:
// Bundlers"). window.Chart, so the page's own code (the same as the full bundle's page,
// bench/pages/chartjs.html, value-label plugin included) runs unchanged.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Title } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Title);
window.Chart = Chart;
