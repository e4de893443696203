// Data format v1 of commune-charts. Generated from src/spec.rs with schema/commune-charts.schema.json:
// do not edit, run `UPDATE_SCHEMA=1 cargo test --features schema-gen --test schema_gen`.

/** Chart kinds: the value of `data-commune-chart`, or of the data's `chart`. */
export type ChartKind = 'members' | 'cells' | 'members-per-cell' | 'members-per-1000' | 'targets' | 'indicators' | 'overview';

/** Languages of the chart's text and numbers: vi `2.989`, `99,7%`; en `2,989`, `99.7%`. */
export type Locale = 'vi' | 'en';

/** `none` keeps the journalist's order; missing values always go last. */
export type Sort = 'none' | 'asc' | 'desc';

/**
 * A labelled reference line on single-value kinds: the mean or the median of the communes with a
 * value.
 */
export type Compare = 'none' | 'mean' | 'median';

/**
 * Sections under a heading per province or district, in order of first appearance, with subtotals.
 */
export type Group = 'none' | 'province' | 'district';

/**
 * Một xã / One commune. Thiếu số liệu thì đừng ghi 0: bỏ trường đó đi, hoặc ghi null / Missing is
 * not zero: leave out (or null) a count that is unknown.
 */
export interface Commune {
  /** Tên xã (bắt buộc) / Commune name (required) */
  name: string;
  /** Huyện / District */
  district?: string | null;
  /** Tỉnh / Province */
  province?: string | null;
  /** Số đảng viên: số nguyên ≥ 0 / Party members: whole number ≥ 0 */
  members?: number | null;
  /** Số chi bộ: số nguyên ≥ 0 / Party cells: whole number ≥ 0 */
  cells?: number | null;
  /**
   * Chi bộ theo loại, theo thứ tự của bạn; cộng lại phải bằng cells / Cells by kind, in your order;
   * must add up to cells
   */
  cellKinds?: Record<string, number | null> | null;
  /** Kết quả thực hiện chỉ tiêu / Target fulfilment */
  targets?: Targets | null;
  /** Dân số: số nguyên ≥ 0 / Population: whole number ≥ 0 */
  population?: number | null;
  /** Diện tích (km²) / Area (km²) */
  areaKm2?: number | null;
}

/**
 * Kết quả thực hiện chỉ tiêu Nghị quyết: số chỉ tiêu ở mỗi nhóm / Target fulfilment: how many
 * targets are in each group.
 */
export interface Targets {
  /** Đạt và vượt / Met or exceeded */
  met: number;
  /** Đạt trên 80% / Reached above 80% */
  over80: number;
  /** Đạt thấp, khó đạt / Low or hard to reach */
  behind: number;
  /** Tổng số chỉ tiêu; phải bằng met + over80 + behind / Total; must equal met + over80 + behind */
  total?: number | null;
}

/**
 * Một kết quả so với kế hoạch, ví dụ của một huyện trong một năm / A result against plan, e.g. a
 * district's year.
 */
export interface Indicator {
  /** Đơn vị báo cáo (huyện, xã) / Reporting unit */
  unit?: string | null;
  /** Tên chỉ tiêu (bắt buộc) / Indicator name (required) */
  name: string;
  /** Giá trị đạt được, ví dụ 5755 / Value achieved, e.g. 5755 */
  value?: number | null;
  /** Đơn vị tính, ví dụ ha / Unit of measure, e.g. ha */
  measure?: string | null;
  /** Phần trăm kế hoạch: 99.7 nghĩa là 99,7% / Percent of plan: 99.7 means 99.7% */
  percentOfPlan?: number | null;
}

/**
 * Dữ liệu một biểu đồ commune-charts / One commune-charts chart's data. Missing is not zero: leave
 * out (or null) what is unknown. Two rules are checked only by the widget, not by this schema:
 * cellKinds must add up to cells, and targets.total must equal met + over80 + behind.
 */
export interface CommuneChartData {
  /** The URL of this schema, for editors; ignored by the chart. */
  $schema?: string;
  /** Tiêu đề / Title */
  title?: string | null;
  /** Phụ đề / Subtitle */
  subtitle?: string | null;
  /** Nguồn (hiện là 'Nguồn: …') / Source (shown as 'Source: …') */
  source?: string | null;
  /** Ghi chú / Note */
  note?: string | null;
  /**
   * Ngôn ngữ: vi hoặc en (mặc định: lang của trang, rồi vi) / Language: vi or en (default: the
   * page's <html lang>, else vi)
   */
  locale?: Locale | null;
  /** Loại biểu đồ khi data-commune-chart để trống / Chart kind when data-commune-chart is empty */
  chart?: ChartKind | null;
  /** Thứ tự: none (giữ nguyên), asc, desc / Order: none (yours), asc, desc */
  sort?: Sort | null;
  /**
   * Các xã bài viết nói tới: giữ màu đậm, các xã khác nhạt đi (theo tên, không phân biệt hoa
   * thường) / The communes the article is about: full colour, the others muted (by name, ignoring
   * case)
   */
  highlight?: string[] | null;
  /**
   * Đường so sánh: none, mean (trung bình) hoặc median (trung vị) / A reference line: none, mean or
   * median
   */
  compare?: Compare | null;
  /**
   * Chia nhóm: none, province (theo tỉnh) hoặc district (theo huyện) / Sections: none, province or
   * district
   */
  group?: Group | null;
  /**
   * Các xã, bắt buộc trừ khi có indicators (tối đa 10.000) / Communes, required unless there are
   * indicators (at most 10,000)
   */
  communes?: Commune[] | null;
  /** Kết quả so với kế hoạch (tối đa 1.000) / Results against plan (at most 1,000) */
  indicators?: Indicator[] | null;
}
