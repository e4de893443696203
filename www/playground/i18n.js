// @ts-check
// The playground's words: every fixed text of the page and every message, Vietnamese first, then
// English (the same keys). `translate(lang, key, ...args)` gives one in a language; a message with
// parts is a function of them.

/** The language of the page and its messages. @typedef {'vi' | 'en'} Lang */

/** "a, b và c" (`and` = ' và ') or "a, b and c". @param {string[]} a @param {string} and */
function listJoin(a, and) { return a.length > 1 ? a.slice(0, -1).join(', ') + and + a[a.length - 1] : a.join(''); }
/** @param {number} n */
function fmtVi(n) { return String(n).replace('.', ','); }
/** @param {number} n */
function fmtEn(n) { return String(n); }

const VI = {
  pageTitle: 'Tạo biểu đồ đảng bộ xã',
  docTitle: 'Tạo biểu đồ đảng bộ xã – commune-charts',
  intro: 'Dán bảng từ Excel hoặc Google Sheets, xem biểu đồ ngay, rồi sao chép mã nhúng vào bài viết. Không cần biết JSON.',
  hData: 'Số liệu',
  modeLegend: 'Nhập số liệu bằng',
  modeTable: 'Bảng (Excel, Google Sheets)',
  modeJson: 'JSON (nâng cao)',
  tableLabel: 'Dán bảng vào đây (chọn các ô trong Excel, Ctrl+C, rồi Ctrl+V vào ô này). Hàng đầu là tên cột.',
  exampleCommunes: 'Dán ví dụ bảng',
  exampleIndicators: 'Ví dụ bảng chỉ tiêu',
  clearTable: 'Xoá bảng',
  numberFormat: 'Cách viết số',
  numAuto: 'Tự động (đoán từ bảng)',
  numVi: '2.989 và 99,7 (kiểu Việt)',
  numEn: '2,989 và 99.7 (kiểu Anh)',
  previewCaption: 'Máy đã đọc bảng như sau (số viết theo kiểu JSON: 2989, 99.7; ô trống là «không có số liệu», không phải 0):',
  helpSummary: 'Tên cột nào được nhận ra? Số viết thế nào?',
  helpIntro: 'Tên cột không phân biệt chữ hoa, chữ thường hay dấu («Đảng viên», «dang vien», «ĐẢNG VIÊN» đều được). Cột không nhận ra sẽ bị bỏ qua và được báo bên dưới bảng. Cột «STT» được bỏ qua.',
  helpColField: 'Trường JSON',
  helpColHeaders: 'Tên cột được nhận ra',
  helpGroupCommunes: 'Bảng xã (mỗi hàng một xã; trong JSON là "communes")',
  helpGroupIndicators: 'Bảng chỉ tiêu (mỗi hàng một chỉ tiêu; trong JSON là "indicators")',
  helpIndicators: 'Bảng có cột «Chỉ tiêu», «Giá trị» hoặc «% kế hoạch» là bảng chỉ tiêu (biểu đồ «Chỉ tiêu so với kế hoạch»); trong bảng đó cột «Đơn vị» là đơn vị báo cáo (xã, huyện), «Đơn vị tính» là ha, tấn… Các bảng khác là bảng xã, cột «Đơn vị» là tên xã.',
  helpKinds: 'Cột có tên bắt đầu bằng «Chi bộ» mà không phải tổng số («Chi bộ bản», «Chi bộ trường học», «Chi bộ cơ quan»…) là một loại chi bộ ("cellKinds" trong JSON): biểu đồ «Số chi bộ» chia mỗi thanh theo các loại đó. Nếu bảng có cả cột «Chi bộ» (tổng số), các loại phải cộng lại bằng tổng. Hàng tiêu đề phía trên hàng tên cột («Số liệu đảng viên các xã huyện X») không phải số liệu; nếu ô «Tiêu đề» còn trống, nó được dùng làm tiêu đề.',
  helpNumbers1: 'Số kiểu Việt: dấu chấm ngăn hàng nghìn, dấu phẩy là phần thập phân (2.989 → 2989; 99,7 → 99,7; 99,7% → 99,7). Kiểu Anh thì ngược lại (1,234 → 1234; 99.7 → 99,7). «Tự động» đoán kiểu từ chính các số trong bảng: 1.234,5, 99,7, hay 2.989 ở cột đếm (đảng viên, chi bộ, chỉ tiêu, dân số) là kiểu Việt; 1,234.5, 99.7, hay 2,989 ở cột đếm là kiểu Anh. Nếu các số không cho biết (chỉ có 89, 9…), theo ngôn ngữ của phần lớn tên cột. Có thể chọn hẳn một kiểu ở ô «Cách viết số».',
  helpNumbers2: 'Ngoại lệ theo cách viết của chính ô: có cả dấu chấm và dấu phẩy thì dấu đứng sau là phần thập phân (1.234,5 hay 1,234.5); một dấu chỉ được coi là ngăn hàng nghìn khi theo sau đúng 3 chữ số (nên 99.7 luôn là 99,7). Khoảng trắng trong số và dấu % ở cuối được bỏ qua.',
  helpNumbers3: 'Ô trống, «-» hoặc «—» là không có số liệu (biểu đồ ghi «không có số liệu», không vẽ thành 0). Hàng «Tổng cộng» được bỏ qua vì biểu đồ so sánh từng xã.',
  jsonLabelTable: 'JSON tạo từ bảng (chỉ để xem; muốn sửa, chọn «JSON (nâng cao)»)',
  jsonLabelJson: 'JSON (sửa trực tiếp; biểu đồ cập nhật khi bạn ngừng gõ)',
  restoreJson: 'Khôi phục JSON đã sửa',
  jsonGoto: 'Đưa con trỏ đến chỗ lỗi',
  hChart: 'Biểu đồ',
  kindLabel: 'Loại biểu đồ',
  kindMembers: 'Số đảng viên',
  kindCells: 'Số chi bộ',
  kindRatio: 'Bình quân đảng viên mỗi chi bộ',
  kindTargets: 'Mức độ đạt chỉ tiêu Nghị quyết',
  kindIndicators: 'Chỉ tiêu so với kế hoạch (bảng chỉ tiêu)',
  kindOverview: 'Tổng quan: đảng viên, chi bộ, chỉ tiêu',
  kindPer1000: 'Đảng viên trên 1.000 dân',
  kindNeedsPopulation: 'Biểu đồ «Đảng viên trên 1.000 dân» cần cột «Dân số» (và cột «Đảng viên»). Xã thiếu một trong hai số được ghi «không có số liệu».',
  hOptions: 'Nhấn mạnh và so sánh',
  compareLabel: 'Đường so sánh',
  compareNone: 'Không có',
  compareMean: 'Trung bình của các xã',
  compareMedian: 'Trung vị (xã đứng giữa)',
  groupLabel: 'Chia nhóm',
  groupNone: 'Không chia',
  groupProvince: 'Theo tỉnh',
  groupDistrict: 'Theo huyện',
  highlightLegend: 'Làm nổi bật xã bài viết nói tới (các xã khác nhạt màu đi)',
  highlightFilter: 'Tìm tên xã',
  highlightClear: 'Bỏ chọn tất cả',
  highlightEmpty: 'Số liệu chưa có xã nào.',
  /** @param {number} n @param {number} total */
  highlightCount: function (n, total) {
    return n ? 'Đã chọn ' + n + ' trong ' + total + ' xã.' : 'Chưa chọn xã nào: mọi xã cùng một màu.';
  },
  /** @param {string} f */
  highlightNoMatch: function (f) { return 'Không có xã nào khớp «' + f + '».'; },
  highlightUnknown: '(không có trong số liệu: bỏ chọn để xoá)',
  compareNotDrawn: 'Loại biểu đồ này không vẽ đường so sánh: chỉ biểu đồ một số liệu (số đảng viên, số chi bộ, bình quân mỗi chi bộ, trên 1.000 dân) có đường này.',
  /** @param {'province' | 'district'} g @returns {string} */
  groupNoNames: function (g) {
    return g === 'province' ? 'Số liệu không ghi tỉnh của xã nào (cột «Tỉnh»), nên mọi xã ở chung một nhóm.'
      : 'Số liệu không ghi huyện của xã nào (cột «Huyện»), nên mọi xã ở chung một nhóm.';
  },
  optionsBlocked: 'JSON đang có lỗi cú pháp nên chưa thể đổi các lựa chọn này. Sửa JSON trước.',
  localeLabel: 'Ngôn ngữ của biểu đồ',
  localeVi: 'Tiếng Việt (2.989; 99,7%)',
  localeEn: 'English (2,989; 99.7%)',
  themeLabel: 'Nền sáng hay tối',
  themePage: 'Theo trang báo (mặc định): tối chỉ khi trang báo có chế độ tối',
  themeAuto: 'Theo máy của bạn đọc (sáng hoặc tối)',
  themeLight: 'Luôn sáng',
  themeDark: 'Luôn tối',
  viewLegend: 'Xem như bạn đọc trên',
  viewDesktop: 'Máy tính',
  viewPhone: 'Điện thoại (375 px)',
  staleNote: 'Bảng đang có lỗi: biểu đồ dưới đây chưa được cập nhật.',
  staleEmpty: 'Bảng đang trống: biểu đồ dưới đây là số liệu trước đó.',
  previewNote: 'Khung vàng «Cảnh báo» (nếu có) chỉ hiện ở đây, bạn đọc không thấy.',
  titleLabel: 'Tiêu đề',
  subtitleLabel: 'Dòng mô tả (tuỳ chọn)',
  sourceLabel: 'Nguồn (tuỳ chọn)',
  noteLabel: 'Ghi chú (tuỳ chọn)',
  titleFromTable: 'Tiêu đề mới lấy từ hàng tiêu đề của bảng.',
  titleName: 'tiêu đề', subtitleName: 'dòng mô tả', sourceName: 'nguồn', noteName: 'ghi chú',
  /** @param {string[]} names */
  exampleMetaCleared: function (names) {
    return 'Đã xoá ' + listJoin(names, ' và ') + ' của bảng ví dụ, vì số liệu không còn là của ví dụ. Hãy ghi tiêu đề và nguồn số liệu của bạn.';
  },
  metaBlocked: 'JSON đang có lỗi cú pháp nên chưa thể đổi tiêu đề, nguồn hay ngôn ngữ. Sửa JSON trước.',
  hEmbed: 'Mã nhúng vào bài',
  variantLegend: 'Số liệu nằm ở đâu?',
  variantInline: 'Ngay trong bài (dễ nhất)',
  variantSrc: 'Trong tệp data.json riêng',
  srcLabel: 'Địa chỉ tệp số liệu trên máy chủ',
  variantSheet: 'Từ bảng tính đã công bố (Google Sheets, CSV), tự cập nhật',
  sheetLabel: 'Địa chỉ CSV của bảng tính đã công bố',
  sheetPageLink: 'Đây là địa chỉ để mở bảng tính, không phải tệp CSV đã công bố. Trong Google Sheets chọn Tệp → Chia sẻ → Công bố lên web → Giá trị được phân tách bằng dấu phẩy (.csv), rồi dán địa chỉ được tạo ra (kết thúc bằng output=csv).',
  sheetUrlMissing: 'DÁN-ĐỊA-CHỈ-CSV-VÀO-ĐÂY',
  sheetHelp: 'Trong Google Sheets: Tệp → Chia sẻ → Công bố lên web, chọn trang tính và «Giá trị được phân tách bằng dấu phẩy (.csv)», bấm Công bố rồi dán địa chỉ vào ô trên. Bảng ở bước 1 chỉ để xem trước: biểu đồ trong bài đọc bảng tính, nên cột và cách viết số phải như bảng đã dán.',
  refreshLabel: 'Bạn đọc thấy số mới sau',
  refreshNone: 'Không tự cập nhật',
  refresh30: '30 giây',
  refresh60: '1 phút',
  refresh300: '5 phút',
  scriptLabel: 'Địa chỉ tệp commune-charts.js',
  embedBlocked: 'Số liệu đang có lỗi. Sửa lỗi để lấy mã nhúng; mã dưới đây là của lần vẽ được gần nhất.',
  snippetLabel: 'Mã nhúng (dán vào chế độ HTML của trình soạn bài)',
  copy: 'Sao chép mã nhúng',
  download: 'Tải data.json',
  /** @param {string} f */
  downloadAs: function (f) { return 'Tải ' + f; },
  srcHelp: 'Tải tệp data.json, đưa lên máy chủ đúng địa chỉ ở trên, rồi dán mã nhúng vào bài.',
  copied: 'Đã sao chép. Dán vào bài ở chế độ HTML.',
  copyManual: 'Trình duyệt không cho sao chép tự động: mã đã được chọn sẵn, nhấn Ctrl+C (⌘C trên Mac).',
  noWidget: 'Không tải được dist/commune-charts.js (thư mục dist/ cạnh trang này) nên chưa xem trước được biểu đồ.',
  hStatic: 'Ảnh tĩnh: khi bạn đọc tắt JavaScript, khi in, mạng xã hội',
  staticHelp: 'Ảnh do chính commune-charts vẽ, giống hệt chương trình dòng lệnh commune-charts render, không cần cài gì: SVG cho bạn đọc tắt JavaScript và cho bản in (nét sắc ở mọi cỡ, chữ chọn được), PNG cho nơi không nhận SVG, và ảnh 1200×630 để chia sẻ lên mạng xã hội. Ảnh rộng bằng khung biểu đồ ở bước 2, nền sáng (nền tối nếu chọn «Luôn tối»).',
  downloadSvg: 'Tải ảnh SVG',
  downloadPng: 'Tải ảnh PNG',
  downloadCard: 'Ảnh chia sẻ mạng xã hội (1200×630)',
  imageWorking: 'Đang vẽ ảnh…',
  /** @param {string} f @param {number} w @param {number} h */
  svgDone: function (f, w, h) { return 'Đã tải ' + f + ' (' + w + ' × ' + h + ' px).'; },
  /** @param {string} f @param {number} w @param {number} h */
  pngDone: function (f, w, h) { return 'Đã tải ' + f + ' (' + w + ' × ' + h + ' điểm ảnh: gấp đôi cỡ biểu đồ để nét trên mọi màn hình).'; },
  /** @param {string} f @param {number} w @param {number} h @param {number} pct */
  pngSmaller: function (f, w, h, pct) {
    return 'Đã tải ' + f + ' (' + w + ' × ' + h + ' điểm ảnh). Biểu đồ rất dài nên ảnh PNG chỉ bằng ' + pct + '% cỡ biểu đồ (trình duyệt không vẽ được ảnh lớn hơn); ảnh SVG thì nét ở mọi cỡ.';
  },
  /** @param {string} f */
  cardDone: function (f) { return 'Đã tải ' + f + ' (1200 × 630 điểm ảnh).'; },
  /** @param {string} f @param {number} pct @param {number} h */
  cardScaled: function (f, pct, h) {
    return 'Đã tải ' + f + ' (1200 × 630 điểm ảnh). Biểu đồ cao ' + h + ' px nên được thu nhỏ còn ' + pct + '% cho vừa ảnh, chữ cũng nhỏ đi. Muốn chữ to hơn: bớt xã, hoặc chọn loại biểu đồ gọn hơn.';
  },
  /** @param {string} why */
  imageFailed: function (why) { return 'Không vẽ được ảnh: ' + why; },
  /** @param {string} url @param {string} why */
  imageModuleFailed: function (url, why) { return 'Không tải được phần vẽ ảnh (' + url + ': ' + why + '). Thư mục dist/ cạnh trang này cần có tệp commune-charts-render.wasm của cùng phiên bản.'; },
  pngFailed: 'Trình duyệt không tạo được ảnh PNG.',
  noscriptLabel: 'Dòng <noscript>: thêm sau mã nhúng, đưa tệp ảnh lên máy chủ cạnh bài viết (hoặc sửa địa chỉ src)',
  noscriptEmpty: 'Tải ảnh SVG hoặc PNG ở trên: dòng <noscript> cho ảnh đó sẽ hiện ở đây.',
  noscriptStale: 'Biểu đồ đã thay đổi sau khi tải ảnh: tải lại ảnh để ảnh và dòng này khớp với biểu đồ.',
  copyNoscript: 'Sao chép dòng <noscript>',
  noscriptCopied: 'Đã sao chép. Dán vào bài ngay sau mã nhúng.',
  staticCliSummary: 'Cho nhóm kỹ thuật: vẽ cùng ảnh SVG bằng dòng lệnh',
  staticCliHelp: 'Chương trình commune-charts vẽ đúng tệp SVG trên từ tệp số liệu (chọn «Trong tệp data.json riêng» ở trên để tải tệp), và vẽ được nhiều biểu đồ một lúc. Chạy lệnh trong thư mục mã nguồn commune-charts:',
  staticLabel: 'Lệnh tạo chart.svg',
  staticComment: '# Tạo chart.svg từ tệp số liệu (chạy trong thư mục mã nguồn commune-charts):',
  // table reading
  tableEmpty: 'Dán bảng vào ô ở trên, hoặc bấm «Dán ví dụ bảng».',
  /** @param {number} n @param {'communes' | 'indicators'} kind @param {number} cols @param {Lang} fmt @param {'chosen' | 'cells' | 'headers'} why */
  tableRead: function (n, kind, cols, fmt, why) {
    return 'Đã đọc ' + n + (kind === 'indicators' ? ' chỉ tiêu' : ' xã') + ' và ' + cols + ' cột. Số được đọc kiểu ' +
      (fmt === 'vi' ? 'Việt' : 'Anh') + (why === 'cells' ? ' (theo cách viết các số trong bảng)' : why === 'headers' ? (fmt === 'vi' ? ' (vì tên cột là tiếng Việt)' : ' (vì tên cột là tiếng Anh)') : '') +
      (fmt === 'vi' ? ': 2.989 là hai nghìn chín trăm tám mươi chín, 99,7 là chín mươi chín phẩy bảy.' : ': 2,989 là hai nghìn chín trăm tám mươi chín, 99.7 là chín mươi chín phẩy bảy.');
  },
  /** @param {number} n */
  tableHasErrors: function (n) { return n === 1 ? 'Bảng có 1 lỗi:' : 'Bảng có ' + n + ' lỗi:'; },
  /** @param {number} row @param {string} col @param {string} raw */
  cellNotNumber: function (row, col, raw) { return 'Hàng ' + row + ', cột «' + col + '»: «' + raw + '» không phải là số'; },
  /** @param {number} row @param {string} col @param {string} raw @param {number} value @param {number | null} alt @param {Lang} altStyle @returns {string} */
  cellNotWhole: function (row, col, raw, value, alt, altStyle) {
    return 'Hàng ' + row + ', cột «' + col + '»: «' + raw + '» được đọc là ' + fmtVi(value) + ', nhưng ở cột này phải là số nguyên' +
      (alt != null ? '. Nếu ý bạn là ' + fmtVi(alt) + ', chọn «' + (altStyle === 'en' ? VI.numEn : VI.numVi) + '» ở ô «Cách viết số».' : '.');
  },
  /** @param {number} row @param {string} col @param {boolean} isInd */
  missingName: function (row, col, isInd) { return 'Hàng ' + row + ', cột «' + col + '»: thiếu ' + (isInd ? 'tên chỉ tiêu' : 'tên xã'); },
  /** @param {boolean} isInd @returns {string} */
  noNameColumn: function (isInd) {
    return isInd ? 'Không thấy cột tên chỉ tiêu. Đặt tên cột là «Chỉ tiêu» (hoặc «indicator»).'
      : 'Không thấy cột tên xã. Đặt tên cột là «Xã» (hoặc «Tên xã», «Đơn vị», «name»).';
  },
  headerLooksLikeData: 'Hàng đầu tiên phải là tên cột, ví dụ: Xã – Đảng viên – Chi bộ.',
  /** @param {string} a @param {string} b @param {string} field */
  duplicateColumn: function (a, b, field) { return 'Cột «' + a + '» và cột «' + b + '» cùng là ' + field + '. Xoá bớt một cột.'; },
  noDataRows: 'Bảng mới có hàng tên cột; hãy dán cả các hàng số liệu.',
  /** @param {string} h @param {number} n */
  unknownColumn: function (h, n) { return 'Cột «' + h + '» (cột ' + n + ') không nhận ra nên bị bỏ qua.'; },
  /** @param {number} n */
  unnamedColumn: function (n) { return 'Cột ' + n + ' không có tên nên bị bỏ qua.'; },
  /** @param {string} s */
  didYouMean: function (s) { return ' Có phải ý bạn là «' + s + '»?'; },
  /** @param {number} row @param {string} name */
  totalRowSkipped: function (row, name) { return 'Hàng ' + row + ' («' + name + '») trông như hàng tổng nên được bỏ qua.'; },
  /** @param {number} row */
  extraCells: function (row) { return 'Hàng ' + row + ' có nhiều ô hơn hàng tên cột; các ô thừa bị bỏ qua.'; },
  /** @param {number} row @param {string} text */
  titleRowSkipped: function (row, text) { return 'Hàng ' + row + ' («' + text + '») ở trên hàng tên cột: được đọc là tiêu đề, không phải số liệu.'; },
  noTabs: 'Không thấy dấu tab giữa các cột. Hãy sao chép các ô trực tiếp từ Excel hoặc Google Sheets (không sao chép qua Word).',
  readerLoading: 'Đang tải bộ đọc bảng…',
  /** @param {string} url @param {string} why */
  readerFailed: function (url, why) { return 'Không tải được bộ đọc bảng (' + url + ': ' + why + '), nên chưa đọc được bảng. Hãy tải lại trang, hoặc dùng chế độ JSON.'; },
  /** @param {string} where @param {string} msg */
  widgetCellError: function (where, msg) { return where + ': ' + msg; },
  /** @param {number} row @param {string | null} col */
  rowCol: function (row, col) { return col ? 'Hàng ' + row + ', cột «' + col + '»' : 'Hàng ' + row; },
  /** A field the chart needs whose column the table lacks. @param {number} row @param {string} col @param {string} _what */
  rowMissingCol: function (row, col, _what) { return 'Hàng ' + row + ', cột «' + col + '» (bảng chưa có cột này)'; },
  ignoredMark: 'bỏ qua',
  emptyMark: 'trống',
  skippedMark: 'bỏ qua',
  kindSwitchedInd: 'Đây là bảng chỉ tiêu, nên đã chọn biểu đồ «Chỉ tiêu so với kế hoạch».',
  kindNeedsInd: 'Biểu đồ này cần bảng chỉ tiêu (cột «Chỉ tiêu», «Giá trị», «% kế hoạch»). Bấm «Ví dụ bảng chỉ tiêu» để xem mẫu.',
  kindNeedsCommunes: 'Bảng chỉ tiêu chỉ vẽ được biểu đồ «Chỉ tiêu so với kế hoạch». Các biểu đồ khác cần bảng xã.',
  // JSON
  /** @param {number} l @param {number} c */
  jsonWhereLine: function (l, c) { return 'Chỗ lỗi: dòng ' + l + ', cột ' + c + '.'; },
  /** @param {string} p @param {number} l @param {number} c */
  jsonWherePath: function (p, l, c) { return 'Chỗ lỗi: ' + p + ' (dòng ' + l + ', cột ' + c + ').'; },
  jsonWhereUnknown: 'Xem thông báo lỗi trong khung biểu đồ.',
  restoredNote: 'JSON đã được tạo lại từ bảng.'
};

/** Every text, by key: a string, or a function of the message's parts. @typedef {typeof VI} Words */

/** @type {Words} */
const EN = {
  pageTitle: 'Make a commune party chart',
  docTitle: 'Make a commune party chart – commune-charts',
  intro: 'Paste a table from Excel or Google Sheets, see the chart at once, then copy the embed code into your article. No JSON needed.',
  hData: 'Data',
  modeLegend: 'Enter the data as',
  modeTable: 'A table (Excel, Google Sheets)',
  modeJson: 'JSON (advanced)',
  tableLabel: 'Paste the table here (select the cells in Excel, Ctrl+C, then Ctrl+V in this box). The first row holds the column names.',
  exampleCommunes: 'Paste an example table',
  exampleIndicators: 'Example indicators table',
  clearTable: 'Clear table',
  numberFormat: 'Number style',
  numAuto: 'Automatic (guessed from the table)',
  numVi: '2.989 and 99,7 (Vietnamese)',
  numEn: '2,989 and 99.7 (English)',
  previewCaption: 'This is how the table was read (numbers as JSON writes them: 2989, 99.7; an empty cell means “no data”, not 0):',
  helpSummary: 'Which column names are recognised? How are numbers read?',
  helpIntro: 'Column names ignore case and diacritics (“Đảng viên”, “dang vien” and “ĐẢNG VIÊN” all work). Columns that are not recognised are skipped and listed under the table. An “STT” (row number) column is skipped.',
  helpColField: 'JSON field',
  helpColHeaders: 'Recognised column names',
  helpGroupCommunes: 'Communes table (one commune per row; "communes" in the JSON)',
  helpGroupIndicators: 'Indicators table (one indicator per row; "indicators" in the JSON)',
  helpIndicators: 'A table with an “Indicator”, “Value” or “% of plan” column is an indicators table (the “results against plan” chart); there, “Đơn vị” is the reporting unit (commune, district) and “Đơn vị tính” the measure (ha, tonnes…). Any other table is a communes table, where “Đơn vị” is the commune’s name.',
  helpKinds: 'A column whose name starts with “Chi bộ” and is not the total (“Chi bộ bản”, “Chi bộ trường học”, “Chi bộ cơ quan”…) is a kind of cell ("cellKinds" in the JSON): the “Party cells” chart splits each bar by those kinds. If the table also has the total “Chi bộ” column, the kinds must add up to it. A title row above the column names (“Số liệu đảng viên các xã huyện X”) is not data; if the Title field is empty, it becomes the title.',
  helpNumbers1: 'Vietnamese numbers: a dot separates thousands, a comma starts the decimals (2.989 → 2989; 99,7 → 99.7; 99,7% → 99.7). English numbers: the other way round (1,234 → 1234; 99.7 → 99.7). “Automatic” tells them apart from the numbers in the table: 1.234,5, 99,7, or 2.989 in a count column (members, cells, targets, population) are Vietnamese; 1,234.5, 99.7, or 2,989 in a count column are English. When the numbers do not tell (only 89, 9…), the language of most column names decides. You can also pick one style in “Number style”.',
  helpNumbers2: 'The cell itself can override this: with both a dot and a comma, the later one starts the decimals (1.234,5 or 1,234.5); a single separator counts as a thousands separator only when exactly 3 digits follow it (so 99.7 is always 99.7). Spaces inside a number and a trailing % are ignored.',
  helpNumbers3: 'An empty cell, “-” or “—” means no data (the chart says “no data”, it never draws a 0). A “Total” row is skipped, since the chart compares communes.',
  jsonLabelTable: 'JSON made from the table (read only; to edit it, choose “JSON (advanced)”)',
  jsonLabelJson: 'JSON (edit it here; the chart follows when you stop typing)',
  restoreJson: 'Restore the JSON you edited',
  jsonGoto: 'Move the cursor to the error',
  hChart: 'Chart',
  kindLabel: 'Chart kind',
  kindMembers: 'Party members',
  kindCells: 'Party cells',
  kindRatio: 'Members per cell',
  kindTargets: 'Congress targets reached',
  kindIndicators: 'Results against plan (indicators table)',
  kindOverview: 'Overview: members, cells, targets',
  kindPer1000: 'Members per 1,000 residents',
  kindNeedsPopulation: 'The “members per 1,000 residents” chart needs a “Dân số” (population) column, and “Đảng viên” (members). A commune without either shows “no data”.',
  hOptions: 'Highlight and compare',
  compareLabel: 'Reference line',
  compareNone: 'None',
  compareMean: 'Average of the communes',
  compareMedian: 'Median (the middle commune)',
  groupLabel: 'Sections',
  groupNone: 'None',
  groupProvince: 'By province',
  groupDistrict: 'By district',
  highlightLegend: 'Highlight the communes your article is about (the others are muted)',
  highlightFilter: 'Find a commune',
  highlightClear: 'Clear all',
  highlightEmpty: 'The data has no communes yet.',
  highlightCount: function (n, total) {
    return n ? n + ' of ' + total + (total === 1 ? ' commune' : ' communes') + ' chosen.' : 'None chosen: every commune in the same colour.';
  },
  highlightNoMatch: function (f) { return 'No commune matches «' + f + '».'; },
  highlightUnknown: '(not in the data: untick to remove)',
  compareNotDrawn: 'This chart kind draws no reference line: only single-value charts (members, cells, members per cell, per 1,000 residents) have one.',
  groupNoNames: function (g) {
    return g === 'province' ? 'No commune has a province (a “Tỉnh” column), so all of them are in one section.'
      : 'No commune has a district (a “Huyện” column), so all of them are in one section.';
  },
  optionsBlocked: 'The JSON has a syntax error, so these choices cannot be changed yet. Fix the JSON first.',
  localeLabel: 'Chart language',
  localeVi: 'Tiếng Việt (2.989; 99,7%)',
  localeEn: 'English (2,989; 99.7%)',
  themeLabel: 'Light or dark',
  themePage: 'As the news page (default): dark only if the page has a dark mode',
  themeAuto: "As the reader's device (light or dark)",
  themeLight: 'Always light',
  themeDark: 'Always dark',
  viewLegend: 'Show it as readers see it on',
  viewDesktop: 'A computer',
  viewPhone: 'A phone (375 px)',
  staleNote: 'The table has errors: the chart below is not up to date.',
  staleEmpty: 'The table is empty: the chart below shows the earlier data.',
  previewNote: 'The yellow “Warnings” box (if any) shows only here; readers never see it.',
  titleLabel: 'Title',
  subtitleLabel: 'Subtitle (optional)',
  sourceLabel: 'Source (optional)',
  noteLabel: 'Note (optional)',
  titleFromTable: 'The new title is the table’s title row.',
  titleName: 'title', subtitleName: 'subtitle', sourceName: 'source', noteName: 'note',
  exampleMetaCleared: function (names) {
    var list = listJoin(names, ' and ');
    return 'The example’s ' + list + (names.length > 1 ? ' were' : ' was') + ' cleared: the data is no longer the example’s. Type your own title and source.';
  },
  metaBlocked: 'The JSON has a syntax error, so the title, source and language cannot be changed yet. Fix the JSON first.',
  hEmbed: 'Embed code',
  variantLegend: 'Where does the data live?',
  variantInline: 'Inside the article (simplest)',
  variantSrc: 'In a separate data.json file',
  srcLabel: 'Address of the data file on your server',
  variantSheet: 'From a published spreadsheet (Google Sheets, CSV), updating itself',
  sheetLabel: 'CSV address of the published spreadsheet',
  sheetPageLink: 'This is the address to open the spreadsheet, not its published CSV. In Google Sheets choose File → Share → Publish to web → Comma-separated values (.csv), then paste the address it gives (ending in output=csv).',
  sheetUrlMissing: 'PASTE-THE-CSV-ADDRESS-HERE',
  sheetHelp: 'In Google Sheets: File → Share → Publish to web, choose the sheet and “Comma-separated values (.csv)”, press Publish, then paste the address above. The table in step 1 is only the preview: the chart in the article reads the spreadsheet, so its columns and number style must be those of the pasted table.',
  refreshLabel: 'Readers see new numbers after',
  refreshNone: 'No updates',
  refresh30: '30 seconds',
  refresh60: '1 minute',
  refresh300: '5 minutes',
  scriptLabel: 'Address of commune-charts.js',
  embedBlocked: 'The data has errors. Fix them to get the embed code; the code below is from the last chart that could be drawn.',
  snippetLabel: 'Embed code (paste it in your editor’s HTML mode)',
  copy: 'Copy embed code',
  download: 'Download data.json',
  downloadAs: function (f) { return 'Download ' + f; },
  srcHelp: 'Download data.json, put it on your server at the address above, then paste the embed code into the article.',
  copied: 'Copied. Paste it into the article in HTML mode.',
  copyManual: 'The browser does not allow copying automatically: the code is selected, press Ctrl+C (⌘C on a Mac).',
  noWidget: 'Could not load dist/commune-charts.js (the dist/ folder next to this page), so the chart cannot be previewed.',
  hStatic: 'Static image: for readers without JavaScript, print, social media',
  staticHelp: 'Images drawn by commune-charts itself, exactly as the command-line program commune-charts render draws them, with nothing to install: SVG for readers without JavaScript and for print (sharp at any size, selectable text), PNG where SVG is not accepted, and a 1200×630 image to share on social media. The image is as wide as the chart’s frame in step 2, on a light background (dark if you chose “Always dark”).',
  downloadSvg: 'Download SVG image',
  downloadPng: 'Download PNG image',
  downloadCard: 'Social media image (1200×630)',
  imageWorking: 'Drawing the image…',
  svgDone: function (f, w, h) { return 'Downloaded ' + f + ' (' + w + ' × ' + h + ' px).'; },
  pngDone: function (f, w, h) { return 'Downloaded ' + f + ' (' + w + ' × ' + h + ' pixels: twice the chart’s size, sharp on every screen).'; },
  pngSmaller: function (f, w, h, pct) {
    return 'Downloaded ' + f + ' (' + w + ' × ' + h + ' pixels). The chart is very long, so the PNG is only ' + pct + '% of its size (browsers cannot draw a larger image); the SVG is sharp at any size.';
  },
  cardDone: function (f) { return 'Downloaded ' + f + ' (1200 × 630 pixels).'; },
  cardScaled: function (f, pct, h) {
    return 'Downloaded ' + f + ' (1200 × 630 pixels). The chart is ' + h + ' px tall, so it was scaled down to ' + pct + '% to fit, and its text with it. For larger text: fewer communes, or a more compact kind of chart.';
  },
  imageFailed: function (why) { return 'Could not draw the image: ' + why; },
  imageModuleFailed: function (url, why) { return 'Could not load the image module (' + url + ': ' + why + '). The dist/ folder next to this page needs commune-charts-render.wasm from the same release.'; },
  pngFailed: 'The browser could not make a PNG image.',
  noscriptLabel: '<noscript> line: add it after the embed code, and put the image file on your server next to the article (or change the src address)',
  noscriptEmpty: 'Download the SVG or PNG image above: the <noscript> line for it appears here.',
  noscriptStale: 'The chart changed after the image was downloaded: download it again so that the image and this line match the chart.',
  copyNoscript: 'Copy the <noscript> line',
  noscriptCopied: 'Copied. Paste it into the article right after the embed code.',
  staticCliSummary: 'For the web team: draw the same SVG on the command line',
  staticCliHelp: 'The commune-charts program draws the same SVG file from the data file (choose “In a separate data.json file” above to download it), and many charts at once. Run the command in the commune-charts source folder:',
  staticLabel: 'Command that makes chart.svg',
  staticComment: '# Make chart.svg from the data file (run in the commune-charts source folder):',
  tableEmpty: 'Paste a table in the box above, or press “Paste an example table”.',
  tableRead: function (n, kind, cols, fmt, why) {
    return 'Read ' + n + (kind === 'indicators' ? (n === 1 ? ' indicator' : ' indicators') : (n === 1 ? ' commune' : ' communes')) + ' and ' + cols + ' columns. Numbers read the ' +
      (fmt === 'vi' ? 'Vietnamese' : 'English') + ' way' + (why === 'cells' ? ' (from how the numbers in the table are written)' : why === 'headers' ? (fmt === 'vi' ? ' (the column names are Vietnamese)' : ' (the column names are English)') : '') +
      (fmt === 'vi' ? ': 2.989 is two thousand nine hundred eighty-nine, 99,7 is ninety-nine point seven.' : ': 2,989 is two thousand nine hundred eighty-nine, 99.7 is ninety-nine point seven.');
  },
  tableHasErrors: function (n) { return n === 1 ? 'The table has 1 error:' : 'The table has ' + n + ' errors:'; },
  cellNotNumber: function (row, col, raw) { return 'Row ' + row + ', column «' + col + '»: «' + raw + '» is not a number'; },
  cellNotWhole: function (row, col, raw, value, alt, altStyle) {
    return 'Row ' + row + ', column «' + col + '»: «' + raw + '» reads as ' + fmtEn(value) + ', but this column needs a whole number' +
      (alt != null ? '. If you meant ' + fmtEn(alt) + ', choose “' + (altStyle === 'en' ? EN.numEn : EN.numVi) + '” in “Number style”.' : '.');
  },
  missingName: function (row, col, isInd) { return 'Row ' + row + ', column «' + col + '»: the ' + (isInd ? 'indicator' : 'commune') + ' has no name'; },
  noNameColumn: function (isInd) {
    return isInd ? 'No indicator name column. Name it “Chỉ tiêu” (or “indicator”).'
      : 'No commune name column. Name it “Xã” (or “Tên xã”, “Đơn vị”, “name”).';
  },
  headerLooksLikeData: 'The first row must hold the column names, for example: Xã – Đảng viên – Chi bộ.',
  duplicateColumn: function (a, b, field) { return 'Columns «' + a + '» and «' + b + '» are both ' + field + '. Remove one.'; },
  noDataRows: 'The table has only its column names; paste the data rows too.',
  unknownColumn: function (h, n) { return 'Column «' + h + '» (column ' + n + ') is not recognised and is skipped.'; },
  unnamedColumn: function (n) { return 'Column ' + n + ' has no name and is skipped.'; },
  didYouMean: function (s) { return ' Did you mean «' + s + '»?'; },
  totalRowSkipped: function (row, name) { return 'Row ' + row + ' («' + name + '») looks like a total and is skipped.'; },
  extraCells: function (row) { return 'Row ' + row + ' has more cells than the header row; the extra cells are skipped.'; },
  titleRowSkipped: function (row, text) { return 'Row ' + row + ' («' + text + '») is above the column names: read as a title, not data.'; },
  noTabs: 'No tabs between the columns. Copy the cells straight from Excel or Google Sheets (not through Word).',
  readerLoading: 'Loading the table reader…',
  readerFailed: function (url, why) { return 'Could not load the table reader (' + url + ': ' + why + '), so the table cannot be read. Reload the page, or use JSON mode.'; },
  widgetCellError: function (where, msg) { return where + ': ' + msg; },
  rowCol: function (row, col) { return col ? 'Row ' + row + ', column «' + col + '»' : 'Row ' + row; },
  rowMissingCol: function (row, col, what) { return 'Row ' + row + ', column «' + col + '» (' + what + '; the table has no such column)'; },
  ignoredMark: 'skipped',
  emptyMark: 'empty',
  skippedMark: 'skipped',
  kindSwitchedInd: 'This is an indicators table, so the “results against plan” chart was chosen.',
  kindNeedsInd: 'This chart needs an indicators table (“Chỉ tiêu”, “Giá trị”, “% kế hoạch” columns). Press “Example indicators table” to see one.',
  kindNeedsCommunes: 'An indicators table can only draw the “results against plan” chart. The other charts need a communes table.',
  jsonWhereLine: function (l, c) { return 'The error is at line ' + l + ', column ' + c + '.'; },
  jsonWherePath: function (p, l, c) { return 'The error is at ' + p + ' (line ' + l + ', column ' + c + ').'; },
  jsonWhereUnknown: 'See the message in the chart box.',
  restoredNote: 'The JSON was made again from the table.'
};

/** @type {Record<Lang, Words>} */
export const STR = { vi: VI, en: EN };

/**
 * The parts a text takes: a function's parameters, none for a plain string.
 * @template {keyof Words} K
 * @typedef {Words[K] extends (...parts: infer P) => string ? P : []} Parts
 */

/**
 * The text `key` in `lang` (Vietnamese where English has none), with `args` for a message with parts.
 * @template {keyof Words} K
 * @param {Lang} lang
 * @param {K} key
 * @param {Parts<K>} args
 * @returns {string}
 */
export function translate(lang, key, ...args) {
  var text = STR[lang][key];
  if (text === undefined) text = STR.vi[key];
  // Words[K] is a string or a function of Parts<K>: tsc cannot follow that inside this function.
  var s = /** @type {string | ((...parts: Parts<K>) => string)} */ (text);
  if (typeof s === 'function') return s.apply(null, args);
  return s;
}
