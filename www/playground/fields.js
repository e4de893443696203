// @ts-check
// The column names a table may use, as the playground's help lists them: which JSON field each
// one fills, in a communes table or an indicators table. The core reads tables (src/table/
// fields.rs, through core.js); tests/unit/playground-table.test.mjs holds this list to it (every
// name here is read by the core as this field). And `normHeader`, for the highlight picker's filter.

/** @typedef {import('./i18n.js').Lang} Lang */
/** Which table: 'c' communes (one commune a row), 'i' indicators. @typedef {'c' | 'i'} TableKey */
/**
 * A JSON field a column fills.
 * @typedef {object} ColumnField
 * @property {string} key where it goes in an item: 'members', 'targets.met', 'cellKinds.<kind>'
 * @property {TableKey} table
 * @property {'text' | 'int' | 'number'} type
 * @property {string} label what it is, in Vietnamese messages
 * @property {string} labelEn and in English ones
 * @property {string} [kind] a kind-of-cell column's kind (its header)
 */
/**
 * A field the playground knows, with the column names that mean it.
 * @typedef {ColumnField & { vi: string[], en: string[], marksIndicators?: boolean }} Field
 */

// Each field: where it goes in the JSON, its value type, which table it belongs to
// ('c' communes, 'i' indicators), and the column names that mean it (vi and en), as in the core.
/** @type {Field[]} */
export const FIELDS = [
  { key: 'name', table: 'c', type: 'text', label: 'tên xã', labelEn: 'the commune name',
    vi: ['Xã', 'Tên xã', 'Đơn vị', 'Tên đơn vị', 'Đảng bộ', 'Đảng bộ xã', 'Tên đảng bộ', 'Xã, phường', 'Xã/phường', 'Phường', 'Tên', 'Địa phương'],
    en: ['name', 'commune', 'commune name', 'ward'] },
  { key: 'district', table: 'c', type: 'text', label: 'huyện', labelEn: 'the district',
    vi: ['Huyện', 'Quận/huyện', 'Quận, huyện', 'Tên huyện'], en: ['district'] },
  { key: 'province', table: 'c', type: 'text', label: 'tỉnh', labelEn: 'the province',
    vi: ['Tỉnh', 'Tỉnh/thành phố', 'Tỉnh, thành phố', 'Tỉnh/TP', 'Tỉnh thành'], en: ['province'] },
  { key: 'members', table: 'c', type: 'int', label: 'số đảng viên', labelEn: 'party members',
    vi: ['Đảng viên', 'Số đảng viên', 'Tổng số đảng viên', 'Số lượng đảng viên'], en: ['members', 'party members', 'member'] },
  { key: 'cells', table: 'c', type: 'int', label: 'số chi bộ', labelEn: 'party cells',
    vi: ['Chi bộ', 'Số chi bộ', 'Chi bộ trực thuộc', 'Số chi bộ trực thuộc', 'Tổ chức đảng trực thuộc', 'Tổ chức cơ sở đảng', 'Chi, đảng bộ trực thuộc'],
    en: ['cells', 'party cells', 'cell'] },
  { key: 'targets.met', table: 'c', type: 'int', label: 'số chỉ tiêu đạt và vượt', labelEn: 'targets met',
    vi: ['Đạt và vượt', 'Chỉ tiêu đạt và vượt', 'Đạt, vượt', 'Đạt vượt'], en: ['met', 'targets met', 'met or exceeded', 'targets.met'] },
  { key: 'targets.over80', table: 'c', type: 'int', label: 'số chỉ tiêu đạt trên 80%', labelEn: 'targets over 80%',
    vi: ['Đạt trên 80%', 'Chỉ tiêu đạt trên 80%', 'Trên 80%', 'Đạt trên 80'], en: ['over80', 'over 80%', 'targets.over80'] },
  { key: 'targets.behind', table: 'c', type: 'int', label: 'số chỉ tiêu khó đạt', labelEn: 'targets behind',
    vi: ['Khó đạt', 'Đạt thấp', 'Chỉ tiêu khó đạt', 'Chưa đạt', 'Không đạt'], en: ['behind', 'low', 'targets.behind'] },
  { key: 'targets.total', table: 'c', type: 'int', label: 'tổng số chỉ tiêu', labelEn: 'total targets',
    vi: ['Tổng số chỉ tiêu', 'Tổng chỉ tiêu', 'Số chỉ tiêu'], en: ['total', 'total targets', 'targets total', 'targets.total'] },
  { key: 'population', table: 'c', type: 'int', label: 'dân số', labelEn: 'population',
    vi: ['Dân số', 'Số dân', 'Dân số (người)'], en: ['population'] },
  { key: 'areaKm2', table: 'c', type: 'number', label: 'diện tích', labelEn: 'area',
    vi: ['Diện tích (km2)', 'Diện tích', 'Diện tích tự nhiên', 'Diện tích tự nhiên (km2)'], en: ['areaKm2', 'area', 'area (km2)', 'area km2'] },

  { key: 'unit', table: 'i', type: 'text', label: 'đơn vị', labelEn: 'the unit',
    vi: ['Đơn vị', 'Tên đơn vị', 'Xã', 'Huyện', 'Địa phương'], en: ['unit', 'commune', 'district'] },
  { key: 'name', table: 'i', type: 'text', label: 'tên chỉ tiêu', labelEn: 'the indicator name', marksIndicators: true,
    vi: ['Chỉ tiêu', 'Tên chỉ tiêu', 'Nội dung', 'Nội dung chỉ tiêu'], en: ['indicator', 'name', 'indicator name'] },
  { key: 'value', table: 'i', type: 'number', label: 'giá trị', labelEn: 'the value', marksIndicators: true,
    vi: ['Giá trị', 'Kết quả', 'Thực hiện', 'Kết quả thực hiện'], en: ['value', 'result'] },
  { key: 'measure', table: 'i', type: 'text', label: 'đơn vị tính', labelEn: 'the measure', marksIndicators: true,
    vi: ['Đơn vị tính', 'ĐVT'], en: ['measure', 'unit of measure'] },
  { key: 'percentOfPlan', table: 'i', type: 'number', label: '% kế hoạch', labelEn: 'percent of plan', marksIndicators: true,
    vi: ['% kế hoạch', '% so với kế hoạch', 'So với kế hoạch', 'Tỷ lệ so với kế hoạch', 'Tỉ lệ so với kế hoạch', 'Đạt % kế hoạch', '% KH'],
    en: ['percentOfPlan', 'percent of plan', '% of plan'] }
];
/** Lower case, no diacritics, đ → d, only letters, digits and % kept. @param {unknown} s */
export function normHeader(s) {
  return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/đ/g, 'd').replace(/²/g, '2').replace(/[^a-z0-9%]+/g, ' ').trim();
}
