// Data format v1 of commune-charts (see schema/commune-charts.schema.json and docs/).

/** Chart kinds. */
export type ChartKind = 'members' | 'cells' | 'members-per-cell' | 'targets' | 'indicators' | 'overview';
/** Languages of the chart's text and numbers: vi `2.989`, `99,7%`; en `2,989`, `99.7%`. */
export type Locale = 'vi' | 'en';
/** `none` keeps the journalist's order; missing values always go last. */
export type Sort = 'none' | 'asc' | 'desc';

/** Target fulfilment (chỉ tiêu Nghị quyết): counts of targets in each group. */
export interface Targets {
  /** đạt và vượt: met or exceeded. Whole number ≥ 0. */
  met: number;
  /** đạt trên 80%: reached above 80%. Whole number ≥ 0. */
  over80: number;
  /** đạt thấp / khó đạt: low or hard to reach. Whole number ≥ 0. */
  behind: number;
  /** Tổng số chỉ tiêu: optional; must equal met + over80 + behind. */
  total?: number | null;
}

/** One commune (xã). Missing is not zero: leave a count out (or null) when it is unknown. */
export interface Commune {
  /** Tên xã: required, not empty. */
  name: string;
  /** Huyện: district. */
  district?: string | null;
  /** Tỉnh: province. */
  province?: string | null;
  /** Số đảng viên: party members, whole number ≥ 0. */
  members?: number | null;
  /** Số chi bộ (tổ chức đảng trực thuộc): party cells, whole number ≥ 0. */
  cells?: number | null;
  /** Chi bộ theo loại: cells by kind, in your order; the counts must add up to `cells`. */
  cellKinds?: Record<string, number> | null;
  /** Kết quả thực hiện chỉ tiêu: target fulfilment. */
  targets?: Targets | null;
  /** Dân số: population, whole number ≥ 0. */
  population?: number | null;
  /** Diện tích (km²), ≥ 0. */
  areaKm2?: number | null;
}

/** A result against plan (kết quả so với kế hoạch), e.g. a district's year. */
export interface Indicator {
  /** Đơn vị: the district or commune reporting it. */
  unit?: string | null;
  /** Tên chỉ tiêu: required. */
  name: string;
  /** Giá trị: the amount achieved, e.g. 5755. */
  value?: number | null;
  /** Đơn vị tính: e.g. "ha", "tấn". */
  measure?: string | null;
  /** Phần trăm kế hoạch: 99.7 means 99,7% of plan. */
  percentOfPlan?: number | null;
}

/** A chart's data. */
export interface CommuneChartData {
  /** The JSON Schema's URL, for editors; ignored by the chart. */
  $schema?: string;
  /** Tiêu đề. */
  title?: string | null;
  /** Phụ đề. */
  subtitle?: string | null;
  /** Nguồn: shown as "Nguồn: …" / "Source: …". */
  source?: string | null;
  /** Ghi chú. */
  note?: string | null;
  /** Default: the page's `<html lang>`, else vi. */
  locale?: Locale | null;
  /** Used when the element's `data-commune-chart` is empty; default overview. */
  chart?: ChartKind | null;
  sort?: Sort | null;
  /** Required unless `indicators` is given; at most 10,000. */
  communes?: Commune[] | null;
  /** At most 1,000. */
  indicators?: Indicator[] | null;
}
