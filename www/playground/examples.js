// @ts-check
// The example tables the playground starts with (the seed data), with their titles and sources.

export const EXAMPLE_COMMUNES = [
  ['Xã', 'Huyện', 'Tỉnh', 'Đảng viên', 'Chi bộ', 'Đạt và vượt', 'Đạt trên 80%', 'Khó đạt', 'Dân số', 'Diện tích (km2)'],
  ['Mồ Sì San', 'Phong Thổ', 'Lai Châu', '89', '9', '3', '3', '5', '', ''],
  ['Pa Vây Sử', 'Phong Thổ', 'Lai Châu', '86', '11', '13', '8', '10', '', ''],
  ['Đức Thọ', '', 'Hà Tĩnh', '2.989', '77', '', '', '', '40.065', '48,93']
].map(function (r) { return r.join('\t'); }).join('\n');
export const EXAMPLE_INDICATORS = [
  ['Đơn vị', 'Chỉ tiêu', 'Giá trị', 'Đơn vị tính', '% kế hoạch'],
  ['Văn Lãng', 'Tổng diện tích gieo trồng', '5.755', 'ha', '99,7%'],
  ['Văn Lãng', 'Trồng rừng mới', '411', 'ha', '102%']
].map(function (r) { return r.join('\t'); }).join('\n');
export const META_COMMUNES = {
  title: 'Kết quả thực hiện Nghị quyết Đại hội Đảng bộ xã, nhiệm kỳ 2020 – 2025',
  subtitle: 'Số đảng viên, chi bộ trực thuộc và mức độ đạt chỉ tiêu của một số đảng bộ xã',
  source: 'Báo cáo tại các buổi làm việc với Đảng ủy xã',
  note: ''
};
export const META_INDICATORS = {
  title: 'Huyện Văn Lãng: kết quả sản xuất so với kế hoạch năm',
  subtitle: '',
  source: 'Báo cáo của Huyện ủy Văn Lãng',
  note: ''
};

/** Whether the pasted text is one of the examples, as its button put it. @param {string} text */
export function isExampleTable(text) {
  var s = text.replace(/\r/g, '').trim();
  return s === EXAMPLE_COMMUNES || s === EXAMPLE_INDICATORS;
}
