#!/usr/bin/env node
// Synthetic commune data, one JSON file per province, for many charts at once
// (`commune-charts render DIR --kind all`; bench/batch.mjs measures it).
//
//   node scripts/gen-communes.mjs DIR [--communes 3321] [--provinces 34]
//
// Deterministic: the same arguments write the same bytes. By default 3,321 communes (the number
// of commune-level units since the 2025 reorganisation) over the 34 provinces, unevenly (63–157
// a province), named like "Xã Mồ Sì San" from syllables of real commune names (those of
// bench/pages/data.js). Every commune has members and cells; some provinces lack targets,
// population or indicators, so `--kind all` finds kinds with nothing to draw there (as real
// files do). Files are named by the province without diacritics: ha-noi.json, ho-chi-minh.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROVINCES = [
  'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An',
  'Hà Tĩnh', 'Cao Bằng', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên',
  'Hải Phòng', 'Ninh Bình', 'Quảng Trị', 'Đà Nẵng', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng',
  'Đắk Lắk', 'Hồ Chí Minh', 'Đồng Nai', 'Tây Ninh', 'Cần Thơ', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
];

const SYLLABLES = ('Mồ Sì San Pa Vây Sử Đức Thọ Phong Thổ Nậm Xe Sin Suối Thầu Bản Lang Hoang Thèn Dào Vàng Ma Ly ' +
  'Chải Tả Phìn Hồ Mường Lay Khổng Lào Chảy Tung Qua Lìn Lở Lầu Nà Tăm Hua Bum Pú Đao Phúc Hòa Bình An Tân ' +
  'Thạnh Xuân Trung Yên Long Hưng Thịnh Lộc Sơn Thủy Hà Cẩm Kỳ Nghi Quỳnh Diễn Thanh Chương Vinh Cát Lũng ' +
  'Cú Sủng Là Mèo Vạc Đồng Văn Xín Cái Khâu Vai Pù Phình Tủa Chùa Sáng Nhè Huổi Só Mù Cang Hồng Ngài').split(' ');

const INDICATORS = [
  ['Tổng diện tích gieo trồng', 'ha'], ['Trồng rừng mới', 'ha'], ['Thu ngân sách trên địa bàn', 'triệu đồng'],
  ['Hộ nghèo giảm', 'hộ'], ['Đường giao thông nông thôn được cứng hóa', 'km'], ['Trường học đạt chuẩn quốc gia', 'trường'],
];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `ha-noi` for "Hà Nội". */
export function slug(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** `total` split over `n` parts, each 0.5–1.5 of the mean before rounding (largest remainders). */
function split(total, n, random) {
  const weights = Array.from({ length: n }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w * total) / sum);
  const sizes = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = total - sizes.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) sizes[order[k][1]] += 1;
  return sizes;
}

/** The provinces' data: `[{ file, data }]`, `communes` in all over `provinces` files. */
export function generate(communes = 3321, provinces = PROVINCES.length) {
  if (provinces > PROVINCES.length) throw new Error(`at most ${PROVINCES.length} provinces`);
  const random = mulberry32(3321);
  const sizes = split(communes, provinces, random);
  return sizes.map((size, p) => {
    const province = PROVINCES[p];
    const withTargets = p % 3 !== 2;
    const withPopulation = p % 5 !== 4;
    const withIndicators = p % 4 === 0;
    const districts = Array.from({ length: 3 + Math.floor(random() * 6) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)] + ' ' + SYLLABLES[Math.floor(random() * SYLLABLES.length)]);
    const used = new Set();
    const list = [];
    for (let i = 0; i < size; i++) {
      const parts = Array.from({ length: 2 + Math.floor(random() * 2) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]);
      let name = `${random() < 0.8 ? 'Xã' : 'Phường'} ${parts.join(' ')}`;
      if (used.has(name)) name += ` ${i + 1}`;
      used.add(name);
      const members = 20 + Math.floor(random() * 2981);
      const c = { name, district: districts[Math.floor(random() * districts.length)], province, members };
      c.cells = Math.max(1, Math.round(members / (12 + random() * 28)));
      if (withPopulation) c.population = Math.round(members * (15 + random() * 45));
      if (withTargets) {
        const all = 20 + Math.floor(random() * 20);
        const met = Math.floor(all * (0.4 + random() * 0.5));
        const over80 = Math.floor((all - met) * random());
        c.targets = { met, over80, behind: all - met - over80 };
      }
      list.push(c);
    }
    const data = {
      title: `Đảng bộ xã, phường ${province === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : province}: đảng viên và chi bộ, nhiệm kỳ 2025 – 2030`,
      source: 'Số liệu tổng hợp (dữ liệu mẫu, không phải số liệu thật)',
      locale: 'vi',
      communes: list,
    };
    if (withIndicators) {
      data.indicators = INDICATORS.map(([name, measure]) => ({
        unit: province, name, value: Math.round(100 + random() * 9900), measure, percentOfPlan: Math.round(800 + random() * 400) / 10,
      }));
    }
    return { file: `${slug(province)}.json`, data };
  });
}

function main(argv) {
  const args = [...argv];
  const opt = (name, d) => {
    const i = args.indexOf(name);
    if (i < 0) return d;
    const [, v] = args.splice(i, 2);
    if (!/^\d+$/.test(v ?? '')) throw new Error(`${name} needs a whole number`);
    return Number(v);
  };
  const communes = opt('--communes', 3321);
  const provinces = opt('--provinces', PROVINCES.length);
  const [dir] = args;
  if (!dir || dir.startsWith('-')) {
    console.error('usage: node scripts/gen-communes.mjs DIR [--communes 3321] [--provinces 34]');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  const files = generate(communes, provinces);
  for (const { file, data } of files) writeFileSync(join(dir, file), JSON.stringify(data, null, 1) + '\n');
  const n = files.reduce((a, f) => a + f.data.communes.length, 0);
  console.error(`wrote ${n} communes in ${files.length} files to ${dir}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
