// The live demo's "updated at" line: commune-chart:ready fires at each refresh that changed the
// data, with e.detail.updatedAt (the file's Last-Modified, else when it came). Text only.
document.addEventListener('commune-chart:ready', function (e) {
  var at = e.detail && e.detail.updatedAt;
  var line = document.getElementById('updated');
  if (!(at instanceof Date) || !line) return;
  line.textContent = 'Cập nhật lúc ' + at.toLocaleTimeString('vi-VN');
});
