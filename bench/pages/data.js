// Deterministic synthetic data for the benchmark, the same in every contender's page (the driver
// injects this file; the pages' cold-start mode does not load it).
// `BenchData.communes(n, variant)`: n communes named like "Xã Mồ Sì San 123" with 20..3000
// members. Names depend only on n, members on (n, variant), so a re-render with the other
// variant changes every bar but no label. n = 3 is the seed data's three communes
// (/work/shared/data/seed-communes.json: names and members; variant 1 adds 1 to each).
(function () {
  'use strict';
  var SEED = [
    { name: 'Mồ Sì San', members: 89 },
    { name: 'Pa Vây Sử', members: 86 },
    { name: 'Đức Thọ', members: 2989 },
  ];
  // Syllables of real commune names (Lai Châu, Lào Cai, Hà Giang, Hà Tĩnh, Nghệ An...).
  var SYLLABLES = ('Mồ Sì San Pa Vây Sử Đức Thọ Phong Thổ Nậm Xe Sin Suối Thầu Bản Lang Hoang Thèn Dào Vàng Ma Ly ' +
    'Chải Tả Phìn Hồ Mường Lay Khổng Lào Chảy Tung Qua Lìn Lở Lầu Nà Tăm Hua Bum Pú Đao Phúc Hòa Bình An Tân ' +
    'Thạnh Xuân Trung Yên Long Hưng Thịnh Lộc Sơn Thủy Hà Cẩm Kỳ Nghi Quỳnh Diễn Thanh Chương Vinh Cát Lũng ' +
    'Cú Sủng Là Mèo Vạc Đồng Văn Xín Cái Khâu Vai Lũng Pù Phình Tủa Chùa Sáng Nhè Huổi Só Mù Cang Hồng Ngài').split(' ');

  function mulberry32(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function communes(n, variant) {
    variant = variant || 0;
    if (n === SEED.length) {
      return SEED.map(function (c) { return { name: c.name, members: c.members + variant }; });
    }
    var names = mulberry32(1000 + n);
    var values = mulberry32(7919 * (n + 1) + variant);
    var out = new Array(n);
    for (var i = 0; i < n; i++) {
      var k = 2 + Math.floor(names() * 2); // 2 or 3 syllables
      var parts = [];
      for (var j = 0; j < k; j++) parts.push(SYLLABLES[Math.floor(names() * SYLLABLES.length)]);
      out[i] = { name: 'Xã ' + parts.join(' ') + ' ' + (i + 1), members: 20 + Math.floor(values() * 2981) };
    }
    return out;
  }

  window.BenchData = { SEED: SEED, communes: communes };
})();
