// Compiled (not run) by tests/e2e/npm.test.mjs with `tsc --strict`: the package's types accept
// what the README shows and reject typos in the data.
import CommuneCharts, { render, scan, get, type Chart, type ChartError, type CommuneChartData } from '../../target/npm/package/index.js';

const data: CommuneChartData = {
  title: 'Số đảng viên',
  locale: 'vi',
  sort: 'desc',
  communes: [
    { name: 'Mồ Sì San', members: 89, cells: 9, cellKinds: { 'Chi bộ bản': 4, 'Chi bộ đơn vị sự nghiệp': 5 }, targets: { met: 3, over80: 3, behind: 5 } },
    { name: 'Đức Thọ', members: 2989, cells: null },
  ],
  indicators: [{ unit: 'Văn Lãng', name: 'Tổng diện tích gieo trồng', value: 5755, measure: 'ha', percentOfPlan: 99.7 }],
};

export async function use(el: HTMLElement): Promise<string> {
  const chart: Chart = await render(el, data, { kind: 'members' });
  await chart.update(JSON.stringify(data), { kind: 'targets' });
  el.addEventListener('commune-chart:error', (e) => console.log(e.detail.problems[0]?.path, e.detail.message));
  el.addEventListener('commune-chart:ready', (e) => console.log(e.detail.kind));
  const all: Chart[] = await scan(document, { lazy: false });
  try {
    await CommuneCharts.render(el, '{', {});
  } catch (err) {
    const e = err as ChartError;
    await e.chart.update(data);
    return `${e.problems[0]?.line}:${e.problems[0]?.column}`;
  }
  chart.destroy();
  return `${all.length} ${get(el) === null} ${CommuneCharts.version}`;
}

// @ts-expect-error: a typo in a field name is caught by the types too.
export const typo: CommuneChartData = { communes: [{ name: 'A', member: 89 }] };
// @ts-expect-error: unknown chart kinds are caught.
export const kind = render(document.body, data, { kind: 'bars' });
// The data types are generated from src/spec.rs (types/data.d.ts): required fields stay required.
// @ts-expect-error: targets need all three groups.
export const partial: CommuneChartData = { communes: [{ name: 'A', targets: { met: 1, over80: 2 } }] };
// @ts-expect-error: a commune needs a name.
export const nameless: CommuneChartData = { communes: [{ members: 1 }] };
// @ts-expect-error: the data's chart kind is one of the six.
export const dataKind: CommuneChartData = { chart: 'bars', communes: [{ name: 'A' }] };
