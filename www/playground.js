// commune-charts playground: paste a table (or edit JSON), see the chart live, copy the embed code.
// Runs under a strict CSP (no inline code or styles). Text from the user reaches the page only
// through textContent and form values, never as HTML.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };

  // ------------------------------------------------------------------ words (vi first, en)
  var STR = {
    vi: {
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
      exampleMetaCleared: function (names) {
        return 'Đã xoá ' + listJoin(names, ' và ') + ' của bảng ví dụ, vì số liệu không còn là của ví dụ. Hãy ghi tiêu đề và nguồn số liệu của bạn.';
      },
      metaBlocked: 'JSON đang có lỗi cú pháp nên chưa thể đổi tiêu đề, nguồn hay ngôn ngữ. Sửa JSON trước.',
      hEmbed: 'Mã nhúng vào bài',
      variantLegend: 'Số liệu nằm ở đâu?',
      variantInline: 'Ngay trong bài (dễ nhất)',
      variantSrc: 'Trong tệp data.json riêng',
      srcLabel: 'Địa chỉ tệp số liệu trên máy chủ',
      scriptLabel: 'Địa chỉ tệp commune-charts.js',
      embedBlocked: 'Số liệu đang có lỗi. Sửa lỗi để lấy mã nhúng; mã dưới đây là của lần vẽ được gần nhất.',
      snippetLabel: 'Mã nhúng (dán vào chế độ HTML của trình soạn bài)',
      copy: 'Sao chép mã nhúng',
      download: 'Tải data.json',
      downloadAs: function (f) { return 'Tải ' + f; },
      srcHelp: 'Tải tệp data.json, đưa lên máy chủ đúng địa chỉ ở trên, rồi dán mã nhúng vào bài.',
      copied: 'Đã sao chép. Dán vào bài ở chế độ HTML.',
      copyManual: 'Trình duyệt không cho sao chép tự động: mã đã được chọn sẵn, nhấn Ctrl+C (⌘C trên Mac).',
      noWidget: 'Không tải được dist/commune-charts.js (thư mục dist/ cạnh trang này) nên chưa xem trước được biểu đồ.',
      hStatic: 'Ảnh tĩnh: khi bạn đọc tắt JavaScript, khi in, mạng xã hội',
      staticHelp: 'Tệp SVG được tạo bằng chương trình commune-charts (cùng cách vẽ với biểu đồ trên trang, chữ chọn được). Chạy lệnh dưới đây trong thư mục mã nguồn commune-charts với tệp số liệu (chọn «Trong tệp data.json riêng» ở trên để tải tệp); đưa chart.svg lên máy chủ rồi thêm dòng <noscript> vào sau mã nhúng. Cần ảnh ngay? Tải ảnh PNG của biểu đồ đang xem.',
      staticLabel: 'Lệnh tạo chart.svg và dòng <noscript>',
      staticComment: '# Tạo chart.svg từ tệp số liệu (chạy trong thư mục mã nguồn commune-charts):',
      noscriptComment: '<!-- Thêm sau mã nhúng: bạn đọc không có JavaScript thấy ảnh này -->',
      downloadPng: 'Tải ảnh PNG',
      pngDone: function (f) { return 'Đã tải ' + f + '.'; },
      pngFailed: 'Trình duyệt không tạo được ảnh PNG.',
      // table reading
      tableEmpty: 'Dán bảng vào ô ở trên, hoặc bấm «Dán ví dụ bảng».',
      tableRead: function (n, kind, cols, fmt, why) {
        return 'Đã đọc ' + n + (kind === 'indicators' ? ' chỉ tiêu' : ' xã') + ' và ' + cols + ' cột. Số được đọc kiểu ' +
          (fmt === 'vi' ? 'Việt' : 'Anh') + (why === 'cells' ? ' (theo cách viết các số trong bảng)' : why === 'headers' ? (fmt === 'vi' ? ' (vì tên cột là tiếng Việt)' : ' (vì tên cột là tiếng Anh)') : '') +
          (fmt === 'vi' ? ': 2.989 là hai nghìn chín trăm tám mươi chín, 99,7 là chín mươi chín phẩy bảy.' : ': 2,989 là hai nghìn chín trăm tám mươi chín, 99.7 là chín mươi chín phẩy bảy.');
      },
      tableHasErrors: function (n) { return n === 1 ? 'Bảng có 1 lỗi:' : 'Bảng có ' + n + ' lỗi:'; },
      cellNotNumber: function (row, col, raw) { return 'Hàng ' + row + ', cột «' + col + '»: «' + raw + '» không phải là số'; },
      cellNotWhole: function (row, col, raw, value, alt, altStyle) {
        return 'Hàng ' + row + ', cột «' + col + '»: «' + raw + '» được đọc là ' + fmtVi(value) + ', nhưng ở cột này phải là số nguyên' +
          (alt != null ? '. Nếu ý bạn là ' + fmtVi(alt) + ', chọn «' + (altStyle === 'en' ? STR.vi.numEn : STR.vi.numVi) + '» ở ô «Cách viết số».' : '.');
      },
      missingName: function (row, col, isInd) { return 'Hàng ' + row + ', cột «' + col + '»: thiếu ' + (isInd ? 'tên chỉ tiêu' : 'tên xã'); },
      noNameColumn: function (isInd) {
        return isInd ? 'Không thấy cột tên chỉ tiêu. Đặt tên cột là «Chỉ tiêu» (hoặc «indicator»).'
          : 'Không thấy cột tên xã. Đặt tên cột là «Xã» (hoặc «Tên xã», «Đơn vị», «name»).';
      },
      headerLooksLikeData: 'Hàng đầu tiên phải là tên cột, ví dụ: Xã – Đảng viên – Chi bộ.',
      duplicateColumn: function (a, b, field) { return 'Cột «' + a + '» và cột «' + b + '» cùng là ' + field + '. Xoá bớt một cột.'; },
      noDataRows: 'Bảng mới có hàng tên cột; hãy dán cả các hàng số liệu.',
      unknownColumn: function (h, n) { return 'Cột «' + h + '» (cột ' + n + ') không nhận ra nên bị bỏ qua.'; },
      unnamedColumn: function (n) { return 'Cột ' + n + ' không có tên nên bị bỏ qua.'; },
      didYouMean: function (s) { return ' Có phải ý bạn là «' + s + '»?'; },
      totalRowSkipped: function (row, name) { return 'Hàng ' + row + ' («' + name + '») trông như hàng tổng nên được bỏ qua.'; },
      extraCells: function (row) { return 'Hàng ' + row + ' có nhiều ô hơn hàng tên cột; các ô thừa bị bỏ qua.'; },
      titleRowSkipped: function (row, text) { return 'Hàng ' + row + ' («' + text + '») ở trên hàng tên cột: được đọc là tiêu đề, không phải số liệu.'; },
      noTabs: 'Không thấy dấu tab giữa các cột. Hãy sao chép các ô trực tiếp từ Excel hoặc Google Sheets (không sao chép qua Word).',
      widgetCellError: function (where, msg) { return where + ': ' + msg; },
      rowCol: function (row, col) { return col ? 'Hàng ' + row + ', cột «' + col + '»' : 'Hàng ' + row; },
      ignoredMark: 'bỏ qua',
      emptyMark: 'trống',
      skippedMark: 'bỏ qua',
      kindSwitchedInd: 'Đây là bảng chỉ tiêu, nên đã chọn biểu đồ «Chỉ tiêu so với kế hoạch».',
      kindNeedsInd: 'Biểu đồ này cần bảng chỉ tiêu (cột «Chỉ tiêu», «Giá trị», «% kế hoạch»). Bấm «Ví dụ bảng chỉ tiêu» để xem mẫu.',
      kindNeedsCommunes: 'Bảng chỉ tiêu chỉ vẽ được biểu đồ «Chỉ tiêu so với kế hoạch». Các biểu đồ khác cần bảng xã.',
      // JSON
      jsonWhereLine: function (l, c) { return 'Chỗ lỗi: dòng ' + l + ', cột ' + c + '.'; },
      jsonWherePath: function (p, l, c) { return 'Chỗ lỗi: ' + p + ' (dòng ' + l + ', cột ' + c + ').'; },
      jsonWhereUnknown: 'Xem thông báo lỗi trong khung biểu đồ.',
      restoredNote: 'JSON đã được tạo lại từ bảng.'
    },
    en: {
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
      staticHelp: 'The SVG file is made by the commune-charts program (drawn like the chart on the page, with selectable text). Run the command below in the commune-charts source folder with the data file (choose “In a separate data.json file” above to download it); put chart.svg on your server and add the <noscript> line after the embed code. Need an image now? Download a PNG of the chart you see.',
      staticLabel: 'Command that makes chart.svg, and the <noscript> line',
      staticComment: '# Make chart.svg from the data file (run in the commune-charts source folder):',
      noscriptComment: '<!-- Add after the embed code: readers without JavaScript see this image -->',
      downloadPng: 'Download PNG image',
      pngDone: function (f) { return 'Downloaded ' + f + '.'; },
      pngFailed: 'The browser could not make a PNG image.',
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
          (alt != null ? '. If you meant ' + fmtEn(alt) + ', choose “' + (altStyle === 'en' ? STR.en.numEn : STR.en.numVi) + '” in “Number style”.' : '.');
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
      widgetCellError: function (where, msg) { return where + ': ' + msg; },
      rowCol: function (row, col) { return col ? 'Row ' + row + ', column «' + col + '»' : 'Row ' + row; },
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
    }
  };

  var ui = 'vi';
  function t(key) {
    var s = STR[ui][key];
    if (s === undefined) s = STR.vi[key];
    if (typeof s === 'function') return s.apply(null, Array.prototype.slice.call(arguments, 1));
    return s;
  }
  function listJoin(a, and) { return a.length > 1 ? a.slice(0, -1).join(', ') + and + a[a.length - 1] : a.join(''); }
  function fmtVi(n) { return String(n).replace('.', ','); }
  function fmtEn(n) { return String(n); }

  // ------------------------------------------------------------------ column names
  // Each field: where it goes in the JSON, its value type, which table it belongs to
  // ('c' communes, 'i' indicators), and the column names that mean it (vi and en).
  var FIELDS = [
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
  var IGNORED_HEADERS = ['stt', 'tt', 'so tt', 'so thu tu', 'no', 'no.', '#'].map(normHeader);
  var TOTAL_NAMES = ['tong', 'tong cong', 'cong', 'tong so', 'total', 'toan huyen', 'toan tinh', 'toan xa', 'chung'];
  var MISSING_CELLS = ['-', '–', '—', '…', '...', 'n/a', 'na'];

  /** Lower case, no diacritics, đ → d, only letters, digits and % kept. */
  function normHeader(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/đ/g, 'd').replace(/²/g, '2').replace(/[^a-z0-9%]+/g, ' ').trim();
  }
  function withoutParens(s) { return String(s).replace(/\([^)]*\)/g, ' '); }

  var ALIASES = { c: {}, i: {} }; // normalised name -> {field, lang}
  FIELDS.forEach(function (f) {
    ['vi', 'en'].forEach(function (lang) {
      f[lang].forEach(function (a) {
        var n = normHeader(a);
        if (!ALIASES[f.table][n]) ALIASES[f.table][n] = { field: f, lang: lang };
      });
    });
  });

  /**
   * Any other commune column whose name starts with "Chi bộ" ("Chi bộ bản", "Chi bộ trường học")
   * is a kind of cell, `cellKinds` in the JSON (contract, section 6): the stacked cells chart.
   * Only Vietnamese names, as the widget's own CSV reader reads them.
   */
  function cellKindColumn(text) {
    if (!/^chi bo [a-z0-9]/.test(normHeader(text))) return null;
    return { field: { key: 'cellKinds.' + text, kind: text, table: 'c', type: 'int', label: 'một loại chi bộ', labelEn: 'the same kind of cell' }, lang: 'vi' };
  }
  /**
   * The header row: the first non-blank row naming a commune or an indicator column, or else
   * naming any known column. Rows above it must be titles (no known column, no number); without
   * such a row, the first non-blank row, whose errors then say what is missing.
   */
  function findHeader(records) {
    var first = -1;
    for (var r = 0; r < records.length && r < 12; r++) {
      var texts = records[r].map(function (c) { return c.text; });
      if (texts.every(function (x) { return x.trim() === ''; })) continue;
      if (first < 0) first = r;
      var hits = texts.map(function (x) { return lookupHeader(x, 'c'); });
      if (texts.some(marksIndicators) || hits.some(function (hit) { return hit && hit.field.key === 'name'; })) return r;
      if (hits.some(Boolean) || texts.some(function (x) { return lookupHeader(x, 'i'); })) return r;
      if (texts.some(function (x) { return readNumber(x, 'vi').value !== undefined; })) break;
    }
    return first < 0 ? 0 : first;
  }

  function lookupHeader(text, table) {
    var n = normHeader(text);
    return ALIASES[table][n] || ALIASES[table][normHeader(withoutParens(text))] || null;
  }
  function marksIndicators(text) {
    var hit = lookupHeader(text, 'i');
    return !!(hit && hit.field.marksIndicators && !(hit.lang === 'en' && hit.field.key === 'name'));
  }

  function levenshtein(a, b) {
    var prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }
  function suggestHeader(text, table) {
    var n = normHeader(text);
    if (!n) return null;
    var best = null, bestD = Infinity;
    FIELDS.forEach(function (f) {
      if (f.table !== table) return;
      f.vi.concat(f.en).forEach(function (a) {
        var d = levenshtein(n, normHeader(a));
        if (d < bestD) { bestD = d; best = a; }
      });
    });
    return bestD <= Math.max(1, Math.floor(n.length / 4)) ? best : null;
  }

  // ------------------------------------------------------------------ numbers
  /**
   * Reads a number as a person wrote it. `style` is 'vi' (2.989,5) or 'en' (2,989.5).
   * Returns {missing: true}, {value}, or {bad: true}.
   */
  function readNumber(raw, style) {
    var s = String(raw).replace(/[\s\u00a0\u202f\u2009]+/g, '');
    if (s === '' || MISSING_CELLS.indexOf(s.toLowerCase()) >= 0) return { missing: true };
    s = s.replace(/%$/, '');
    var sign = 1;
    if (/^[-−+]/.test(s)) { if (s[0] !== '+') sign = -1; s = s.slice(1); }
    if (!/^[0-9][0-9.,]*$/.test(s) || /[.,]$/.test(s)) return { bad: true };
    var dots = (s.match(/\./g) || []).length, commas = (s.match(/,/g) || []).length;
    var intPart, frac = '', thousands;
    if (dots && commas) {
      var dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
      thousands = dec === '.' ? ',' : '.';
      var at = s.lastIndexOf(dec);
      intPart = s.slice(0, at); frac = s.slice(at + 1);
      if (frac.indexOf(thousands) >= 0 || !groupedOk(intPart, thousands)) return { bad: true };
      intPart = intPart.split(thousands).join('');
    } else if (dots + commas > 1) {
      var sep = dots ? '.' : ',';
      if (!groupedOk(s, sep) || s.indexOf(sep) < 0) return { bad: true };
      intPart = s.split(sep).join('');
    } else if (dots + commas === 1) {
      var one = dots ? '.' : ',';
      var decimalSep = style === 'en' ? '.' : ',';
      var parts = s.split(one);
      if (one !== decimalSep && /^[0-9]{1,3}$/.test(parts[0]) && /^[0-9]{3}$/.test(parts[1])) {
        intPart = parts[0] + parts[1]; // 2.989 (vi) or 1,234 (en): a thousands separator
      } else {
        intPart = parts[0]; frac = parts[1]; // 99,7 (vi), 99.7 anywhere: decimals
      }
    } else {
      intPart = s;
    }
    var value = sign * Number(intPart + (frac ? '.' + frac : ''));
    return isFinite(value) ? { value: value } : { bad: true };
  }
  /**
   * What a written number says about the style, if anything: 'vi', 'en' or null.
   * 1.234,5 / 1.234.567 / 99,7 / 2.989 (whole-number column) are Vietnamese;
   * 1,234.5 / 1,234,567 / 99.7 / 2,989 (whole-number column) are English; 89 says nothing.
   */
  function styleClue(raw, type) {
    var s = String(raw).replace(/[\s\u00a0\u202f\u2009]+/g, '').replace(/%$/, '').replace(/^[-−+]/, '');
    if (!/^[0-9][0-9.,]*[0-9]$/.test(s)) return null;
    var d = s.lastIndexOf('.'), c = s.lastIndexOf(',');
    if (d >= 0 && c >= 0) return d > c ? 'en' : 'vi';
    if (d < 0 && c < 0) return null;
    var sep = d >= 0 ? '.' : ',';
    var parts = s.split(sep);
    if (parts.length > 2) return sep === '.' ? 'vi' : 'en';
    if (/^[0-9]{1,3}$/.test(parts[0]) && /^[0-9]{3}$/.test(parts[1])) {
      // 2.989: thousands in a count column; in a decimal column it could be either.
      return type === 'int' ? (sep === '.' ? 'vi' : 'en') : null;
    }
    return sep === ',' ? 'vi' : 'en';
  }
  function groupedOk(s, sep) {
    return new RegExp('^[0-9]{1,3}(\\' + sep + '[0-9]{3})*$').test(s);
  }

  // ------------------------------------------------------------------ tables
  /** Splits pasted text into records of cells (Excel/Sheets TSV with "quoted" cells), with offsets. */
  function splitTable(text) {
    var delim = text.indexOf('\t') >= 0 ? '\t' : (text.indexOf(';') >= 0 ? ';' : null);
    var records = [];
    if (!delim) {
      // No tabs: one column per line, or columns separated by runs of 2+ spaces.
      var pos = 0;
      text.split('\n').forEach(function (line) {
        var cells = [], re = /[^ \t\r]+(?: [^ \t\r]+)*/g, m;
        var clean = line.replace(/\r$/, '');
        while ((m = re.exec(clean))) cells.push({ text: m[0], start: pos + m.index, end: pos + m.index + m[0].length });
        if (!cells.length) cells.push({ text: '', start: pos, end: pos });
        records.push(cells);
        pos += line.length + 1;
      });
      return { records: trimTrailing(records), delim: null };
    }
    var i = 0, n = text.length, row = [], cell = '', start = 0, quoted = false;
    function endCell(end) { row.push({ text: cell, start: start, end: end }); cell = ''; }
    while (i <= n) {
      var ch = i < n ? text[i] : '\n';
      if (cell === '' && !quoted && ch === '"' && i === start) {
        // A quoted cell: "" is a quote; it ends at a quote followed by a delimiter or line end.
        var j = i + 1, buf = '';
        while (j < n) {
          if (text[j] === '"') {
            if (text[j + 1] === '"') { buf += '"'; j += 2; continue; }
            break;
          }
          buf += text[j]; j++;
        }
        var after = text[j + 1];
        if (j < n && (after === undefined || after === delim || after === '\n' || after === '\r')) {
          cell = buf; i = j + 1; quoted = true; continue;
        }
      }
      if (ch === delim) { endCell(i); quoted = false; i++; start = i; continue; }
      if (ch === '\n' || ch === '\r') {
        endCell(i);
        records.push(row); row = []; quoted = false;
        if (ch === '\r' && text[i + 1] === '\n') i++;
        i++; start = i;
        continue;
      }
      if (!quoted) cell += ch;
      i++;
    }
    return { records: trimTrailing(records), delim: delim };
  }
  function trimTrailing(records) {
    while (records.length && records[records.length - 1].every(function (c) { return c.text.trim() === ''; })) records.pop();
    return records;
  }

  /**
   * Pasted text -> {kind, data, errors, notes, columns, rows, pathMap, style}.
   * Row numbers count the pasted lines, the header being row 1 (as in the spreadsheet selection).
   */
  function readTable(text, styleChoice) {
    var out = { kind: 'communes', errors: [], notes: [], columns: [], rows: [], pathMap: {}, style: 'vi', styleReason: 'headers', count: 0 };
    if (!text.trim()) { out.empty = true; return out; }
    var split = splitTable(text);
    var records = split.records;
    var h = findHeader(records);
    var header = records[h];
    // Rows above the header are a title ("Số liệu đảng viên các xã huyện X"), not data.
    for (var above = 0; above < h; above++) {
      var words = records[above].map(function (c) { return c.text.replace(/\s+/g, ' ').trim(); }).filter(Boolean).join(' ');
      if (!words) continue;
      if (out.title == null) out.title = words;
      out.notes.push({ text: t('titleRowSkipped', above + 1, words), row: above + 1, col: null, start: records[above][0].start, end: records[above][records[above].length - 1].end });
    }
    var isInd = header.some(function (c) { return marksIndicators(c.text); });
    var table = isInd ? 'i' : 'c';
    out.kind = isInd ? 'indicators' : 'communes';
    var votes = { vi: 0, en: 0 };
    var byField = {};
    header.forEach(function (c, col) {
      var text = c.text.replace(/\s+/g, ' ').trim();
      var column = { index: col, header: text, field: null, ignored: false, start: c.start, end: c.end };
      out.columns.push(column);
      if (!text) { column.ignored = true; column.unnamed = true; return; }
      if (IGNORED_HEADERS.indexOf(normHeader(text)) >= 0) { column.ignored = true; column.silent = true; return; }
      var hit = lookupHeader(text, table) || (table === 'c' ? cellKindColumn(text) : null);
      if (!hit) {
        column.ignored = true;
        var s = suggestHeader(text, table);
        out.notes.push({ text: t('unknownColumn', text, col + 1) + (s ? t('didYouMean', s) : ''), row: h + 1, col: col, start: c.start, end: c.end });
        return;
      }
      votes[hit.lang]++;
      var prev = byField[hit.field.key] || (hit.field.kind && byField['cellKinds.' + normHeader(hit.field.kind)]);
      if (prev) {
        out.errors.push({ text: t('duplicateColumn', prev.header, text, ui === 'vi' ? hit.field.label : hit.field.labelEn), row: h + 1, col: col, start: c.start, end: c.end });
        column.ignored = true;
        return;
      }
      column.field = hit.field;
      byField[hit.field.key] = column;
      if (hit.field.kind) byField['cellKinds.' + normHeader(hit.field.kind)] = column;
    });
    // Number style: chosen, else what the numbers themselves show, else the headers' language.
    out.style = styleChoice;
    out.styleReason = 'chosen';
    if (styleChoice === 'auto') {
      var clues = { vi: 0, en: 0 };
      for (var e = h + 1; e < records.length; e++) {
        out.columns.forEach(function (column) {
          var f = column.field;
          var c = records[e][column.index];
          if (!f || f.type === 'text' || !c) return;
          var clue = styleClue(c.text, f.type);
          if (clue) clues[clue]++;
        });
      }
      if (clues.vi !== clues.en) { out.style = clues.vi > clues.en ? 'vi' : 'en'; out.styleReason = 'cells'; }
      else { out.style = votes.en > votes.vi ? 'en' : 'vi'; out.styleReason = 'headers'; }
    }
    var recognised = out.columns.filter(function (c) { return c.field; }).length;

    if (!recognised && header.some(function (c) { return !readNumber(c.text, 'vi').bad && !readNumber(c.text, 'vi').missing; })) {
      out.errors.push({ text: t('headerLooksLikeData'), row: h + 1, col: null });
    }
    if (!split.delim && header.length === 1 && records.length > 1 && !recognised) {
      out.errors.push({ text: t('noTabs'), row: null, col: null });
    }
    var nameCol = byField.name;
    if (!nameCol && !out.errors.length) out.errors.push({ text: t('noNameColumn', isInd), row: h + 1, col: null });

    var items = [];
    var headerCount = header.length;
    for (var r = h + 1; r < records.length; r++) {
      var rec = records[r];
      var rowNumber = r + 1;
      var row = { number: rowNumber, cells: [], skipped: null };
      var blank = rec.every(function (c) { return c.text.trim() === ''; });
      if (blank) continue;
      out.rows.push(row);
      if (rec.length > headerCount && rec.slice(headerCount).some(function (c) { return c.text.trim() !== ''; })) {
        out.notes.push({ text: t('extraCells', rowNumber), row: rowNumber, col: null });
      }
      var item = {};
      var itemIndex = items.length;
      var path = (isInd ? 'indicators' : 'communes') + '[' + itemIndex + ']';
      out.columns.forEach(function (column) {
        var c = rec[column.index] || { text: '', start: null, end: null };
        var raw = c.text.replace(/\s+/g, ' ').trim();
        var cell = { raw: raw, column: column, state: 'ok', value: undefined, start: c.start, end: c.end };
        row.cells.push(cell);
        if (!column.field) { cell.state = 'ignored'; return; }
        var f = column.field;
        if (f.type === 'text') {
          if (raw === '' || (f.key !== 'name' && MISSING_CELLS.indexOf(raw) >= 0)) { cell.state = 'missing'; return; }
          cell.value = raw;
        } else {
          var n = readNumber(raw, out.style);
          if (n.missing) { cell.state = 'missing'; return; }
          if (n.bad) {
            cell.state = 'bad';
            out.errors.push({ text: t('cellNotNumber', rowNumber, column.header, raw), row: rowNumber, col: column.index, start: c.start, end: c.end });
            return;
          }
          if (f.type === 'int' && n.value !== Math.round(n.value)) {
            var altStyle = out.style === 'vi' ? 'en' : 'vi';
            var other = readNumber(raw, altStyle);
            var alt = !other.bad && !other.missing && other.value === Math.round(other.value) ? other.value : null;
            cell.state = 'bad';
            out.errors.push({ text: t('cellNotWhole', rowNumber, column.header, raw, n.value, alt, altStyle), row: rowNumber, col: column.index, start: c.start, end: c.end });
            return;
          }
          cell.value = n.value;
        }
        setPath(item, f.key, cell.value);
      });
      // A "Total" row would dwarf the communes it sums: skip it, and say so.
      if (!isInd && item.name && TOTAL_NAMES.indexOf(normHeader(item.name)) >= 0) {
        row.skipped = 'total';
        out.notes.push({ text: t('totalRowSkipped', rowNumber, item.name), row: rowNumber, col: nameCol ? nameCol.index : null });
        continue;
      }
      if (nameCol && !item.name) {
        var nc = rec[nameCol.index] || {};
        out.errors.push({ text: t('missingName', rowNumber, nameCol.header, isInd), row: rowNumber, col: nameCol.index, start: nc.start, end: nc.end });
        row.cells[out.columns.indexOf(nameCol)].state = 'bad';
      }
      row.itemIndex = itemIndex;
      out.pathMap[path] = { row: rowNumber, col: null };
      row.cells.forEach(function (cell) {
        if (cell.column.field) out.pathMap[path + '.' + cell.column.field.key] = { row: rowNumber, col: cell.column.index, start: cell.start, end: cell.end };
      });
      items.push(orderItem(item, isInd));
    }
    out.count = items.length;
    if (!items.length && !out.errors.length) out.errors.push({ text: t('noDataRows'), row: null, col: null });
    out.items = items;
    return out;
  }

  function setPath(obj, key, value) {
    var dot = key.indexOf('.');
    if (dot < 0) { obj[key] = value; return; }
    var head = key.slice(0, dot);
    if (!obj[head]) obj[head] = {};
    obj[head][key.slice(dot + 1)] = value;
  }
  var COMMUNE_ORDER = ['name', 'district', 'province', 'members', 'cells', 'cellKinds', 'targets', 'population', 'areaKm2'];
  var TARGET_ORDER = ['met', 'over80', 'behind', 'total'];
  var INDICATOR_ORDER = ['unit', 'name', 'value', 'measure', 'percentOfPlan'];
  function orderItem(item, isInd) {
    var o = {};
    (isInd ? INDICATOR_ORDER : COMMUNE_ORDER).forEach(function (k) {
      if (item[k] === undefined) return;
      if (k === 'targets') {
        o.targets = {};
        TARGET_ORDER.forEach(function (tk) { if (item.targets[tk] !== undefined) o.targets[tk] = item.targets[tk]; });
      } else {
        o[k] = item[k];
      }
    });
    return o;
  }

  // ------------------------------------------------------------------ JSON text
  var META_KEYS = ['title', 'subtitle', 'source', 'note'];
  var TOP_ORDER = ['title', 'subtitle', 'source', 'note', 'locale', 'chart', 'sort', 'communes', 'indicators'];

  /** Pretty JSON in the README's style: one line per commune or indicator. */
  function formatJson(doc) {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return JSON.stringify(doc, null, 2);
    var keys = Object.keys(doc);
    var lines = keys.map(function (k, i) {
      var v = doc[k];
      var comma = i < keys.length - 1 ? ',' : '';
      if (Array.isArray(v) && v.length) {
        return '  ' + JSON.stringify(k) + ': [\n' + v.map(function (item, j) {
          return '    ' + inline(item) + (j < v.length - 1 ? ',' : '');
        }).join('\n') + '\n  ]' + comma;
      }
      return '  ' + JSON.stringify(k) + ': ' + inline(v) + comma;
    });
    return '{\n' + lines.join('\n') + '\n}';
  }
  function inline(v) {
    if (Array.isArray(v)) return v.length ? '[' + v.map(inline).join(', ') + ']' : '[]';
    if (v && typeof v === 'object') {
      var ks = Object.keys(v);
      return ks.length ? '{ ' + ks.map(function (k) { return JSON.stringify(k) + ': ' + inline(v[k]); }).join(', ') + ' }' : '{}';
    }
    return JSON.stringify(v);
  }

  /** Puts the title etc. and the locale first, in the documented order; keeps everything else. */
  function withMeta(doc, meta) {
    var o = {};
    var merged = {};
    Object.keys(doc).forEach(function (k) { merged[k] = doc[k]; });
    META_KEYS.concat(['locale']).forEach(function (k) {
      if (meta[k]) merged[k] = meta[k]; else delete merged[k];
    });
    TOP_ORDER.forEach(function (k) { if (merged[k] !== undefined) o[k] = merged[k]; });
    Object.keys(merged).forEach(function (k) { if (!(k in o)) o[k] = merged[k]; });
    return o;
  }

  /** Character offset of a 1-based line and column (columns count characters, not UTF-16 units). */
  function offsetOf(text, line, column) {
    var pos = 0;
    for (var l = 1; l < line; l++) {
      var nl = text.indexOf('\n', pos);
      if (nl < 0) return text.length;
      pos = nl + 1;
    }
    var end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    var chars = Array.from(text.slice(pos, end));
    var units = chars.slice(0, Math.max(0, column - 1)).join('').length;
    return Math.min(pos + units, end);
  }
  function lineColumnOf(text, offset) {
    var before = text.slice(0, offset);
    var line = before.split('\n').length;
    var lastNl = before.lastIndexOf('\n');
    return { line: line, column: Array.from(before.slice(lastNl + 1)).length + 1 };
  }

  /**
   * Where a field path (`communes[1].member`) is in valid JSON text: the offset of its key, or of
   * the nearest enclosing value that exists.
   */
  function locatePath(text, path) {
    var spots = {};
    var i = 0;
    function ws() { while (i < text.length && /\s/.test(text[i])) i++; }
    function str() { var s = i; i++; while (i < text.length && text[i] !== '"') { if (text[i] === '\\') i++; i++; } i++; return JSON.parse(text.slice(s, i)); }
    function value(p, keyAt) {
      ws();
      spots[p] = { start: keyAt != null ? keyAt : i, end: i };
      var ch = text[i];
      if (ch === '{') {
        i++; ws();
        if (text[i] === '}') { i++; return; }
        for (;;) {
          ws(); var at = i; var k = str(); ws(); i++; // ':'
          value(p ? p + '.' + k : k, at);
          spots[p ? p + '.' + k : k].end = i;
          ws(); if (text[i] === ',') { i++; continue; } i++; return;
        }
      } else if (ch === '[') {
        i++; ws();
        if (text[i] === ']') { i++; return; }
        for (var n = 0; ; n++) {
          value(p + '[' + n + ']', null);
          ws(); if (text[i] === ',') { i++; continue; } i++; return;
        }
      } else if (ch === '"') {
        str();
      } else {
        while (i < text.length && /[^\s,\]}]/.test(text[i])) i++;
      }
      spots[p].end = i;
    }
    try { value('', null); } catch (e) { return null; }
    for (var p = path; p; p = parentPath(p)) {
      if (spots[p]) return { start: spots[p].start, end: Math.min(spots[p].end, spots[p].start + 200), exact: p === path };
    }
    return null;
  }

  /** `communes[1].members` -> `communes[1]` -> `communes` -> ''. */
  function parentPath(p) {
    var q = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
    return q === p ? '' : q;
  }

  /** The widget's message without its "`path`: " prefix. */
  function bareMessage(message, path) {
    var prefix = '`' + path + '`: ';
    return message.indexOf(prefix) === 0 ? message.slice(prefix.length) : message;
  }

  // ------------------------------------------------------------------ examples (seed data)
  var EXAMPLE_COMMUNES = [
    ['Xã', 'Huyện', 'Tỉnh', 'Đảng viên', 'Chi bộ', 'Đạt và vượt', 'Đạt trên 80%', 'Khó đạt', 'Dân số', 'Diện tích (km2)'],
    ['Mồ Sì San', 'Phong Thổ', 'Lai Châu', '89', '9', '3', '3', '5', '', ''],
    ['Pa Vây Sử', 'Phong Thổ', 'Lai Châu', '86', '11', '13', '8', '10', '', ''],
    ['Đức Thọ', '', 'Hà Tĩnh', '2.989', '77', '', '', '', '40.065', '48,93']
  ].map(function (r) { return r.join('\t'); }).join('\n');
  var EXAMPLE_INDICATORS = [
    ['Đơn vị', 'Chỉ tiêu', 'Giá trị', 'Đơn vị tính', '% kế hoạch'],
    ['Văn Lãng', 'Tổng diện tích gieo trồng', '5.755', 'ha', '99,7%'],
    ['Văn Lãng', 'Trồng rừng mới', '411', 'ha', '102%']
  ].map(function (r) { return r.join('\t'); }).join('\n');
  var META_COMMUNES = {
    title: 'Kết quả thực hiện Nghị quyết Đại hội Đảng bộ xã, nhiệm kỳ 2020 – 2025',
    subtitle: 'Số đảng viên, chi bộ trực thuộc và mức độ đạt chỉ tiêu của một số đảng bộ xã',
    source: 'Báo cáo tại các buổi làm việc với Đảng ủy xã',
    note: ''
  };
  var META_INDICATORS = {
    title: 'Huyện Văn Lãng: kết quả sản xuất so với kế hoạch năm',
    subtitle: '',
    source: 'Báo cáo của Huyện ủy Văn Lãng',
    note: ''
  };

  // ------------------------------------------------------------------ page state
  var el = {
    uiLang: $('ui-lang'), modeTable: $('mode-table'), modeJson: $('mode-json'), tableArea: $('table-area'),
    table: $('table-input'), numberFormat: $('number-format'), tableStatus: $('table-status'),
    tableErrors: $('table-errors'), tableNotes: $('table-notes'), previewWrap: $('preview-wrap'), preview: $('preview'),
    helpHeaders: $('help-headers'), json: $('json-input'), jsonLabel: $('json-label'), restore: $('restore-json'),
    jsonWhere: $('json-where'), jsonWhereText: $('json-where-text'), jsonGoto: $('json-goto'),
    kind: $('kind'), locale: $('locale'), theme: $('theme'), kindHint: $('kind-hint'), chartFrame: $('chart-frame'), staleNote: $('stale-note'),
    chart: $('chart'), metaStatus: $('meta-status'), metaOrigin: $('meta-origin'),
    meta: { title: $('meta-title'), subtitle: $('meta-subtitle'), source: $('meta-source'), note: $('meta-note') },
    variantInline: $('variant-inline'), variantSrc: $('variant-src'), srcField: $('src-field'), dataUrl: $('data-url'),
    scriptUrl: $('script-url'), embedBlocked: $('embed-blocked'), snippet: $('snippet'), copy: $('copy'),
    download: $('download'), copyStatus: $('copy-status'), srcHelp: $('src-help'),
    staticCode: $('static-code'), downloadPng: $('download-png'), pngStatus: $('png-status')
  };

  var state = {
    mode: 'table',
    parsed: null,          // the last readTable result
    tableKind: null,       // 'communes' | 'indicators' of the last good table
    communeKind: 'overview',
    blocked: false,        // table mode with errors (or empty): the JSON is not regenerated
    jsonEdited: false,     // JSON edited by hand since it was last made from the table
    savedJson: null,       // the hand-edited JSON, for "restore"
    chart: null, chartKind: null, forceRender: false,
    good: null,            // {doc, kind} of the last chart that drew
    problem: null          // {offset, end, line, column, path} of the error being pointed at
  };

  function metaValues() {
    return {
      title: el.meta.title.value.trim(), subtitle: el.meta.subtitle.value.trim(),
      source: el.meta.source.value.trim(), note: el.meta.note.value.trim(), locale: el.locale.value
    };
  }
  /**
   * Where the title, subtitle, source and note came from: 'example' (an example's button),
   * 'table' (the title row above the pasted header), or null (typed by the journalist, or empty).
   * Another paper's attribution must never go out with the journalist's data: what an example put
   * in these fields goes when its table goes (cleared, "Xoá bảng", or pasted over), and the page
   * says so. What the journalist typed is never touched.
   */
  var metaFrom = { title: null, subtitle: null, source: null, note: null };
  function setExampleMeta(m) {
    META_KEYS.forEach(function (k) {
      if (el.meta[k].value.trim() && !metaFrom[k]) return;
      el.meta[k].value = m[k] || '';
      metaFrom[k] = m[k] ? 'example' : null;
    });
    el.metaOrigin.hidden = true;
  }
  /** Empties the fields that came from `origin`; returns their keys. */
  function clearMetaFrom(origin) {
    return META_KEYS.filter(function (k) {
      if (metaFrom[k] !== origin) return false;
      metaFrom[k] = null;
      var had = el.meta[k].value.trim() !== '';
      el.meta[k].value = '';
      return had;
    });
  }
  function isExampleTable(text) {
    var s = text.replace(/\r/g, '').trim();
    return s === EXAMPLE_COMMUNES || s === EXAMPLE_INDICATORS;
  }
  /** The table is not an example's any more: the example's title, subtitle and source go, visibly. */
  function dropExampleMeta() {
    if (isExampleTable(el.table.value)) return;
    var gone = clearMetaFrom('example');
    if (!gone.length) return;
    el.metaOrigin.hidden = false;
    el.metaOrigin.dataset.keys = gone.join(' ');
    sayMetaOrigin();
  }
  function sayMetaOrigin() {
    var keys = (el.metaOrigin.dataset.keys || '').split(' ').filter(Boolean);
    el.metaOrigin.textContent = t('exampleMetaCleared', keys.map(function (k) { return t(k + 'Name'); })) +
      (metaFrom.title === 'table' ? ' ' + t('titleFromTable') : '');
  }

  // ------------------------------------------------------------------ table mode
  function onTableChanged() {
    dropExampleMeta();
    var parsed = readTable(el.table.value, el.numberFormat.value);
    state.parsed = parsed;
    // The table's title row is the chart's title, unless the journalist typed one.
    if (!el.meta.title.value.trim() || metaFrom.title === 'table') {
      el.meta.title.value = parsed.title || '';
      metaFrom.title = parsed.title ? 'table' : null;
      sayMetaOrigin();
    }
    showTable(parsed);
    if (parsed.empty || parsed.errors.length) {
      setBlocked(true, parsed.empty ? 'empty' : 'errors');
      return;
    }
    setBlocked(false);
    if (parsed.kind !== state.tableKind) {
      var before = state.tableKind;
      state.tableKind = parsed.kind;
      if (parsed.kind === 'indicators' && el.kind.value !== 'indicators') {
        state.communeKind = el.kind.value;
        el.kind.value = 'indicators';
        if (before) flashHint(t('kindSwitchedInd'));
      } else if (parsed.kind === 'communes' && el.kind.value === 'indicators' && before) {
        el.kind.value = state.communeKind || 'overview';
      }
    }
    writeJsonFromTable();
    updateKindHint();
    schedule();
  }

  function writeJsonFromTable() {
    var p = state.parsed;
    if (!p || p.empty || p.errors.length) return;
    var doc = {};
    if (p.kind === 'indicators') doc.indicators = p.items; else doc.communes = p.items;
    el.json.value = formatJson(withMeta(doc, metaValues()));
    state.jsonEdited = false;
  }

  function setBlocked(on, why) {
    state.blocked = on;
    el.staleNote.hidden = !on;
    if (on) el.staleNote.textContent = why === 'empty' ? t('staleEmpty') : t('staleNote');
    el.chartFrame.classList.toggle('stale', on);
    el.json.classList.toggle('stale', on);
    updateEmbed();
  }

  function showTable(p) {
    clear(el.tableErrors); clear(el.tableNotes); clear(el.preview);
    el.tableStatus.textContent = '';
    el.tableStatus.className = 'status';
    if (p.empty) {
      el.tableStatus.textContent = t('tableEmpty');
      el.previewWrap.hidden = true;
      return;
    }
    if (p.errors.length) {
      el.tableStatus.textContent = t('tableHasErrors', p.errors.length);
      el.tableStatus.classList.add('bad');
    } else {
      el.tableStatus.textContent = t('tableRead', p.count, p.kind, p.columns.filter(function (c) { return c.field; }).length, p.style, p.styleReason);
    }
    p.errors.forEach(function (e) { addMessage(el.tableErrors, e); });
    p.notes.forEach(function (n) { addMessage(el.tableNotes, n); });
    buildPreview(p);
  }

  function addMessage(list, m) {
    var li = document.createElement('li');
    if (m.start != null && m.end != null) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'link message-link';
      b.textContent = m.text;
      b.addEventListener('click', function () {
        el.table.focus();
        el.table.setSelectionRange(m.start, m.end);
        scrollTextareaTo(el.table, m.start);
      });
      li.appendChild(b);
    } else {
      li.textContent = m.text;
    }
    list.appendChild(li);
    return li;
  }

  var cellEls = {}; // "row:col" -> td, "row:" -> tr
  function buildPreview(p) {
    cellEls = {};
    if (!p.columns.length) { el.previewWrap.hidden = true; return; }
    el.previewWrap.hidden = false;
    var thead = document.createElement('thead');
    var hr = document.createElement('tr');
    var corner = document.createElement('th');
    corner.className = 'gutter';
    corner.textContent = '#';
    hr.appendChild(corner);
    var bad = {};
    p.errors.forEach(function (e) { if (e.row != null) bad[e.row + ':' + (e.col == null ? '' : e.col)] = true; });
    p.columns.forEach(function (c) {
      var th = document.createElement('th');
      th.scope = 'col';
      var name = document.createElement('span');
      name.className = 'col-name';
      name.textContent = c.header || '(' + (c.index + 1) + ')';
      th.appendChild(name);
      var field = document.createElement('span');
      field.className = 'col-field';
      field.textContent = c.field ? (p.kind === 'indicators' ? 'indicators[].' : 'communes[].') + (c.field.kind ? 'cellKinds' : c.field.key) : t('ignoredMark');
      th.appendChild(field);
      if (!c.field) th.classList.add('ignored');
      if (c.field && c.field.type !== 'text') th.classList.add('num');
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    el.preview.appendChild(thead);
    var tbody = document.createElement('tbody');
    p.rows.slice(0, 300).forEach(function (row) {
      var tr = document.createElement('tr');
      var g = document.createElement('th');
      g.scope = 'row';
      g.className = 'gutter';
      g.textContent = String(row.number);
      tr.appendChild(g);
      if (row.skipped) tr.classList.add('skipped');
      if (bad[row.number + ':']) tr.classList.add('bad-row');
      cellEls[row.number + ':'] = tr;
      row.cells.forEach(function (cell) {
        var td = document.createElement('td');
        if (cell.state === 'missing') { td.textContent = '—'; td.title = t('emptyMark'); td.classList.add('missing'); }
        else if (cell.state === 'bad') { td.textContent = cell.raw || '∅'; td.classList.add('bad'); tr.classList.add('bad-row'); }
        else if (cell.state === 'ignored') { td.textContent = cell.raw; td.classList.add('ignored'); }
        else td.textContent = String(cell.value);
        if (cell.column.field && cell.column.field.type !== 'text') td.classList.add('num');
        cellEls[row.number + ':' + cell.column.index] = td;
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    el.preview.appendChild(tbody);
  }

  function clearWidgetMarks() {
    Object.keys(cellEls).forEach(function (k) { cellEls[k].classList.remove('widget-bad'); });
    Array.prototype.slice.call(el.tableErrors.querySelectorAll('.from-widget')).forEach(function (li) { li.remove(); });
  }

  // ------------------------------------------------------------------ JSON mode
  function setMode(mode) {
    if (mode === state.mode) return;
    state.mode = mode;
    el.modeTable.checked = mode === 'table';
    el.modeJson.checked = mode === 'json';
    el.tableArea.hidden = mode !== 'table';
    el.json.readOnly = mode !== 'json';
    el.jsonLabel.textContent = mode === 'json' ? t('jsonLabelJson') : t('jsonLabelTable');
    el.jsonLabel.setAttribute('data-i18n', mode === 'json' ? 'jsonLabelJson' : 'jsonLabelTable');
    el.json.classList.toggle('editable', mode === 'json');
    if (mode === 'table') {
      if (state.jsonEdited) { state.savedJson = el.json.value; el.restore.hidden = false; }
      if (el.table.value.trim()) onTableChanged();
      else { state.parsed = readTable('', el.numberFormat.value); showTable(state.parsed); setBlocked(true, 'empty'); }
    } else {
      el.restore.hidden = true;
      setBlocked(false);
      clearWidgetMarks();
      schedule(0);
    }
  }

  function onJsonInput() {
    state.jsonEdited = true;
    el.restore.hidden = true;
    syncMetaFromJson();
    schedule();
  }

  function syncMetaFromJson() {
    var doc;
    try { doc = JSON.parse(el.json.value); } catch (e) { return; }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return;
    el.metaStatus.hidden = true;
    META_KEYS.forEach(function (k) {
      var v = typeof doc[k] === 'string' ? doc[k] : '';
      if (el.meta[k].value !== v && document.activeElement !== el.meta[k]) { el.meta[k].value = v; metaFrom[k] = null; }
    });
    // Without a "locale" the chart speaks the page's language (<html lang>), which is the UI's.
    el.locale.value = doc.locale === 'vi' || doc.locale === 'en' ? doc.locale : ui;
  }

  /** Title, subtitle, source, note and locale go into the JSON (rebuilt from the table, or patched). */
  function onMetaChanged() {
    if (state.mode === 'table') {
      if (!state.blocked) { writeJsonFromTable(); schedule(); }
      return;
    }
    var doc;
    try { doc = JSON.parse(el.json.value); } catch (e) { doc = null; }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) { el.metaStatus.hidden = false; return; }
    el.metaStatus.hidden = true;
    el.json.value = formatJson(withMeta(doc, metaValues()));
    state.jsonEdited = true;
    schedule();
  }

  function scrollTextareaTo(ta, offset) {
    var line = ta.value.slice(0, offset).split('\n').length;
    var lh = parseFloat(getComputedStyle(ta).lineHeight) || 20;
    ta.scrollTop = Math.max(0, (line - 3) * lh);
  }

  function pointAt(spot, focus) {
    var ta = el.json;
    if (focus) ta.focus();
    ta.setSelectionRange(spot.offset, spot.end);
    scrollTextareaTo(ta, spot.offset);
  }

  // ------------------------------------------------------------------ rendering
  var timer = null, queue = Promise.resolve();
  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(function () { queue = queue.then(draw, draw); }, delay == null ? 250 : delay);
  }

  function draw() {
    if (state.mode === 'table' && state.blocked) return null;
    var CC = window.CommuneCharts;
    if (!CC) { showNoWidget(); return null; }
    var text = el.json.value;
    var kind = el.kind.value;
    var fresh = !state.chart || state.chartKind !== kind || state.forceRender;
    state.forceRender = false;
    var job = fresh ? CC.render(el.chart, text, { kind: kind }) : state.chart.update(text);
    return job.then(function (chart) {
      state.chart = chart; state.chartKind = kind;
      onDrawn(text, kind);
    }, function (err) {
      if (err && err.chart) { state.chart = err.chart; state.chartKind = kind; }
      else { state.chart = null; }
      onFailed(err, text);
    });
  }

  function onDrawn(text, kind) {
    var doc = null;
    try { doc = JSON.parse(text); } catch (e) { /* the widget accepted it, so this does not happen */ }
    state.good = { doc: doc, kind: kind };
    state.problem = null;
    el.jsonWhere.hidden = true;
    el.chart.classList.remove('has-error');
    clearWidgetMarks();
    updateEmbed();
  }

  function onFailed(err, text) {
    el.chart.classList.add('has-error');
    clearWidgetMarks();
    updateEmbed();
    var problems = err && Array.isArray(err.problems) ? err.problems : null;
    if (!problems || !problems.length) {
      state.problem = null;
      el.jsonWhere.hidden = false;
      el.jsonWhereText.textContent = t('jsonWhereUnknown');
      el.jsonGoto.hidden = true;
      return;
    }
    // In table mode, say which cells the widget's field paths are.
    if (state.mode === 'table' && state.parsed) {
      problems.forEach(function (pr) {
        var hit = null;
        for (var p = pr.path; p && !hit; p = parentPath(p)) hit = state.parsed.pathMap[p] || null;
        if (!hit) return;
        var column = hit.col != null ? state.parsed.columns[hit.col] : null;
        var where = t('rowCol', hit.row, column ? column.header : null);
        var li = addMessage(el.tableErrors, { text: t('widgetCellError', where, bareMessage(pr.message, pr.path)), start: hit.start, end: hit.end });
        li.classList.add('from-widget');
        var target = cellEls[hit.row + ':' + (hit.col == null ? '' : hit.col)];
        if (target) target.classList.add('widget-bad');
      });
    }
    // Point at the first problem in the JSON text.
    var first = problems[0];
    var spot = null;
    if (first.line > 0) {
      var off = offsetOf(text, first.line, first.column);
      spot = { offset: off, end: Math.min(text.length, off + 1), line: first.line, column: first.column };
      el.jsonWhereText.textContent = t('jsonWhereLine', first.line, first.column);
    } else if (first.path) {
      var found = locatePath(text, first.path);
      if (found) {
        var lc = lineColumnOf(text, found.start);
        spot = { offset: found.start, end: found.end, line: lc.line, column: lc.column, path: first.path };
        el.jsonWhereText.textContent = t('jsonWherePath', first.path, lc.line, lc.column);
      }
    }
    state.problem = spot;
    el.jsonWhere.hidden = !spot;
    el.jsonGoto.hidden = !spot;
    // Move the caret there, unless the journalist is typing in the JSON box right now.
    if (spot && document.activeElement !== el.json) pointAt(spot, false);
  }

  function showNoWidget() {
    el.chart.textContent = t('noWidget');
    el.chart.classList.add('has-error');
  }

  // ------------------------------------------------------------------ embed code
  function attr(s) {
    return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  /** JSON that is safe inside <script type="application/json">: "</script" and "<!--" cannot occur. */
  function scriptSafe(json) {
    return json.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\u003C!--');
  }
  function snippetFor(good) {
    var scriptTag = '<script src="' + attr(el.scriptUrl.value.trim() || '/static/commune-charts/commune-charts.js') + '" defer></script>';
    var kindAttr = 'data-commune-chart="' + attr(good.kind) + '"' + (el.theme.value ? ' data-theme="' + attr(el.theme.value) + '"' : '');
    if (el.variantSrc.checked) {
      return '<div ' + kindAttr + ' data-src="' + attr(el.dataUrl.value.trim()) + '"></div>\n\n' + scriptTag + '\n';
    }
    var json = scriptSafe(formatJson(good.doc)).split('\n').map(function (l) { return '    ' + l; }).join('\n');
    // Browsers give a <figure> 40 px margins left and right: without them the chart gets the
    // column's whole width, as in the preview here.
    return '<figure ' + kindAttr + ' style="margin-left:0;margin-right:0">\n  <script type="application/json">\n' + json +
      '\n  </script>\n</figure>\n\n' + scriptTag + '\n';
  }
  function updateEmbed() {
    var src = el.variantSrc.checked;
    el.srcField.hidden = !src;
    el.download.hidden = !src;
    el.srcHelp.hidden = !src;
    el.download.textContent = t('downloadAs', fileName());
    var broken = state.blocked || el.chart.classList.contains('has-error');
    el.embedBlocked.hidden = !broken || !state.good;
    el.copy.disabled = broken || !state.good;
    el.download.disabled = broken || !state.good;
    el.snippet.classList.toggle('stale', broken);
    el.snippet.value = state.good ? snippetFor(state.good) : '';
    el.downloadPng.disabled = broken || !state.good;
    el.staticCode.classList.toggle('stale', broken);
    el.staticCode.value = state.good ? staticFor(state.good) : '';
  }
  /** The chart drawn on the page (the widget's canvas, in the shadow root of its host), if any. */
  function chartCanvas() {
    var host = el.chart.querySelector('[data-commune-chart-root]');
    return host && host.shadowRoot && host.shadowRoot.querySelector('canvas[role=img]');
  }
  /** Static fallback (issue 8): the command-line program's command for this chart, and the
   *  <noscript> image whose alt text is the chart's summary sentence (the canvas's aria-label).
   *  A wasm SVG export would cost ~6.6 kB gz in every reader's download, so it is not in the widget. */
  function staticFor(good) {
    var canvas = chartCanvas();
    // The column's width (the phone preview stands for readers on phones, not for the image).
    var box = el.chartFrame.classList.contains('phone') ? el.chartFrame : canvas;
    var width = Math.max(200, Math.min(8192, Math.round(box ? box.getBoundingClientRect().width : 640) || 640));
    var locale = (good.doc && good.doc.locale) || el.locale.value || 'vi';
    var alt = (canvas && canvas.getAttribute('aria-label')) || (good.doc && good.doc.title) || '';
    var q = function (s) { return /^[\w.\/-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'"; };
    return t('staticComment') + '\n' +
      'cargo run --release --bin commune-charts -- render ' + q(fileName()) + ' --kind ' + q(good.kind) +
      ' --width ' + width + ' --locale ' + q(locale) + ' -o chart.svg\n\n' +
      t('noscriptComment') + '\n' +
      '<noscript><img src="chart.svg" alt="' + attr(alt) + '"></noscript>\n';
  }
  /** A PNG of the chart as it prints: light, whole, sharp (the widget's print drawing, asked for
   *  with beforeprint/afterprint; toBlob copies the pixels at once, so the screen comes straight back). */
  function downloadPng() {
    var canvas = chartCanvas();
    if (!canvas || !state.good) return;
    el.pngStatus.textContent = '';
    var name = fileName().replace(/\.json$/i, '') + '.png';
    window.dispatchEvent(new Event('beforeprint'));
    var failed = function () { el.pngStatus.textContent = t('pngFailed'); };
    try {
      chartCanvas().toBlob(function (blob) {
        if (!blob) { failed(); return; }
        saveBlob(blob, name);
        el.pngStatus.textContent = t('pngDone', name);
      }, 'image/png');
    } catch (e) {
      failed();
    } finally {
      window.dispatchEvent(new Event('afterprint'));
    }
  }
  function fileName() {
    var u = el.dataUrl.value.trim().split(/[?#]/)[0];
    var base = u.slice(u.lastIndexOf('/') + 1);
    return /\.json$/i.test(base) ? base : 'data.json';
  }

  function copySnippet() {
    var text = el.snippet.value;
    var done = function () { el.copyStatus.textContent = t('copied'); };
    var manual = function () {
      el.snippet.focus();
      el.snippet.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      el.copyStatus.textContent = ok ? t('copied') : t('copyManual');
    };
    el.copyStatus.textContent = '';
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, manual);
    else manual();
  }

  function downloadData() {
    if (!state.good) return;
    saveBlob(new Blob([formatJson(state.good.doc) + '\n'], { type: 'application/json' }), fileName());
  }
  /** Downloads `blob` as the file `name`. */
  function saveBlob(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 2000);
  }

  // ------------------------------------------------------------------ hints and language
  var flashed = null;
  function flashHint(text) { flashed = text; }
  function updateKindHint() {
    var text = null;
    var tableKind = state.mode === 'table' && state.parsed && !state.parsed.empty ? state.parsed.kind : null;
    if (tableKind === 'communes' && el.kind.value === 'indicators') text = t('kindNeedsInd');
    else if (tableKind === 'indicators' && el.kind.value !== 'indicators') text = t('kindNeedsCommunes');
    else if (flashed) text = flashed;
    flashed = null;
    el.kindHint.hidden = !text;
    el.kindHint.textContent = text || '';
  }

  /** Every fixed text of the page in the UI language (the HTML holds the Vietnamese ones too). */
  function applyTexts() {
    document.documentElement.lang = ui;
    document.title = t('docTitle');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (node) {
      node.textContent = t(node.getAttribute('data-i18n'));
    });
    el.uiLang.textContent = ui === 'vi' ? 'English' : 'Tiếng Việt';
    el.uiLang.lang = ui === 'vi' ? 'en' : 'vi';
    buildHelp();
  }

  function applyLanguage() {
    applyTexts();
    sayMetaOrigin();
    if (state.mode === 'table') {
      var p = readTable(el.table.value, el.numberFormat.value);
      state.parsed = p;
      showTable(p);
      if (state.blocked) el.staleNote.textContent = p.empty ? t('staleEmpty') : t('staleNote');
    }
    updateKindHint();
    updateEmbed();
    // The widget's own messages follow the page language where the data does not set one.
    state.forceRender = true;
    schedule(0);
  }

  function buildHelp() {
    clear(el.helpHeaders);
    [['c', 'helpGroupCommunes'], ['i', 'helpGroupIndicators']].forEach(function (g) {
      var tr = document.createElement('tr');
      var th = document.createElement('th');
      th.colSpan = 2;
      th.className = 'group';
      th.textContent = t(g[1]);
      tr.appendChild(th);
      el.helpHeaders.appendChild(tr);
      FIELDS.forEach(function (f) {
        if (f.table !== g[0]) return;
        var row = document.createElement('tr');
        var a = document.createElement('td');
        var code = document.createElement('code');
        code.textContent = f.key;
        a.appendChild(code);
        var b = document.createElement('td');
        b.textContent = f.vi.concat(f.en).join(' · ');
        row.appendChild(a); row.appendChild(b);
        el.helpHeaders.appendChild(row);
      });
    });
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // ------------------------------------------------------------------ paste of HTML tables
  /** Pasting from a web page or Word can bring an HTML table without tabs in the plain text. */
  function onTablePaste(e) {
    var cd = e.clipboardData;
    if (!cd) return;
    var plain = cd.getData('text/plain') || '';
    var html = cd.getData('text/html') || '';
    if (plain.indexOf('\t') >= 0 || html.toLowerCase().indexOf('<table') < 0) return;
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var rows = Array.prototype.map.call(doc.querySelectorAll('tr'), function (tr) {
      return Array.prototype.map.call(tr.querySelectorAll('th,td'), function (c) {
        return c.textContent.replace(/\s+/g, ' ').trim();
      }).join('\t');
    });
    if (!rows.length) return;
    e.preventDefault();
    el.table.setRangeText(rows.join('\n'), el.table.selectionStart, el.table.selectionEnd, 'end');
    onTableChanged();
  }

  // ------------------------------------------------------------------ wiring
  el.table.addEventListener('input', onTableChanged);
  el.table.addEventListener('paste', onTablePaste);
  el.numberFormat.addEventListener('change', onTableChanged);
  $('example-communes').addEventListener('click', function () {
    el.table.value = EXAMPLE_COMMUNES;
    setExampleMeta(META_COMMUNES);
    onTableChanged();
  });
  $('example-indicators').addEventListener('click', function () {
    el.table.value = EXAMPLE_INDICATORS;
    setExampleMeta(META_INDICATORS);
    onTableChanged();
  });
  $('clear-table').addEventListener('click', function () { el.table.value = ''; onTableChanged(); el.table.focus(); });
  el.modeTable.addEventListener('change', function () { setMode('table'); });
  el.modeJson.addEventListener('change', function () { setMode('json'); });
  el.restore.addEventListener('click', function () {
    if (state.savedJson == null) return;
    el.json.value = state.savedJson;
    state.savedJson = null;
    setMode('json');
    state.jsonEdited = true;
    syncMetaFromJson();
  });
  el.json.addEventListener('input', onJsonInput);
  el.jsonGoto.addEventListener('click', function () { if (state.problem) pointAt(state.problem, true); });
  META_KEYS.forEach(function (k) {
    el.meta[k].addEventListener('input', function () { metaFrom[k] = null; el.metaOrigin.hidden = true; onMetaChanged(); });
  });
  el.locale.addEventListener('change', onMetaChanged);
  // The preview takes the theme as the published chart will (the widget watches data-theme).
  el.theme.addEventListener('change', function () {
    if (el.theme.value) el.chart.setAttribute('data-theme', el.theme.value);
    else el.chart.removeAttribute('data-theme');
    updateEmbed();
  });
  el.kind.addEventListener('change', function () {
    if (el.kind.value !== 'indicators') state.communeKind = el.kind.value;
    updateKindHint();
    schedule(0);
  });
  [el.variantInline, el.variantSrc].forEach(function (r) { r.addEventListener('change', updateEmbed); });
  el.dataUrl.addEventListener('input', updateEmbed);
  el.scriptUrl.addEventListener('input', updateEmbed);
  el.copy.addEventListener('click', copySnippet);
  el.download.addEventListener('click', downloadData);
  el.downloadPng.addEventListener('click', downloadPng);
  el.uiLang.addEventListener('click', function () { ui = ui === 'vi' ? 'en' : 'vi'; applyLanguage(); });
  // A phone's width: the widget lays the chart out again for it (names above bars below 520 px).
  [$('view-desktop'), $('view-phone')].forEach(function (r) {
    r.addEventListener('change', function () { el.chartFrame.classList.toggle('phone', $('view-phone').checked); });
  });

  // Start with a real example: the seed communes, as a pasted table.
  applyTexts();
  setExampleMeta(META_COMMUNES);
  el.table.value = EXAMPLE_COMMUNES;
  state.tableKind = 'communes';
  onTableChanged();
  schedule(0);

  // For tests and the curious: the pure helpers.
  window.CommuneChartsPlayground = Object.freeze({ readTable: readTable, readNumber: readNumber, locatePath: locatePath, scriptSafe: scriptSafe });
})();
