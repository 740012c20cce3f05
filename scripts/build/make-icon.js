// Draws media/icon.png (128×128): three models linked by lineage arrows on a dark tile.
// Kept as a script so the icon can be regenerated without an image editor.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const size = 128;
const pixels = Buffer.alloc(size * size * 4);

function blend(x, y, [r, g, b], alpha) {
  if (x < 0 || y < 0 || x >= size || y >= size || alpha <= 0) return;
  const i = (y * size + x) * 4;
  const a = Math.min(1, alpha);
  pixels[i] = pixels[i] * (1 - a) + r * a;
  pixels[i + 1] = pixels[i + 1] * (1 - a) + g * a;
  pixels[i + 2] = pixels[i + 2] * (1 - a) + b * a;
  pixels[i + 3] = Math.max(pixels[i + 3], a * 255);
}

/** Fills every pixel whose signed distance (from `dist`) is inside, anti-aliased over one pixel. */
function fill(dist, color) {
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) blend(x, y, color, 0.5 - dist(x + 0.5, y + 0.5));
  }
}

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return Math.hypot(dx, dy) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)) - w / 2;
};

fill(roundedRect(4, 4, 124, 124, 24), [30, 41, 59]);
fill(segment(34, 40, 64, 92, 6), [148, 163, 184]);
fill(segment(94, 40, 64, 92, 6), [148, 163, 184]);
fill(segment(34, 40, 94, 40, 6), [148, 163, 184]);
fill(circle(34, 40, 15), [56, 189, 248]);
fill(circle(94, 40, 15), [251, 146, 60]);
fill(circle(64, 92, 17), [74, 222, 128]);
fill(roundedRect(56, 84, 72, 100, 3), [30, 41, 59]);

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
const rows = [];
for (let y = 0; y < size; y++) rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(path.join(__dirname, '..', '..', 'media', 'icon.png'), png);
