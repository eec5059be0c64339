// A small PNG reader for the chart tests: checks the signature, reads IHDR, inflates IDAT with node:zlib and
// undoes the row filters, so a test can count pixels rather than trust that some bytes came out.
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(png: Buffer): DecodedPng {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG (signature)');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour] = [data[8], data[9]];
      if (depth !== 8 || colour !== 6) throw new Error(`expected 8-bit RGBA, got depth ${depth} colour type ${colour}`);
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  if (raw.length !== height * (stride + 1)) throw new Error(`IDAT holds ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const byte = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      let value: number;
      if (filter === 0) value = byte;
      else if (filter === 1) value = byte + left;
      else if (filter === 2) value = byte + up;
      else if (filter === 3) value = byte + Math.floor((left + up) / 2);
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        value = byte + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw new Error(`unknown filter ${filter}`);
      pixels[y * stride + x] = value & 0xff;
    }
  }
  return { width, height, pixels };
}

/** Pixels darker than light grey, in a rectangle (default: the whole image). */
export function darkPixels(image: DecodedPng, box = { x: 0, y: 0, width: image.width, height: image.height }): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      const i = (y * image.width + x) * 4;
      const [r, g, b, a] = [image.pixels[i] ?? 0, image.pixels[i + 1] ?? 0, image.pixels[i + 2] ?? 0, image.pixels[i + 3] ?? 0];
      if (a > 0 && r + g + b < 450) count += 1;
    }
  }
  return count;
}

/** The colour at a point, as #rrggbb. */
export function colourAt(image: DecodedPng, x: number, y: number): string {
  const i = (y * image.width + x) * 4;
  return `#${[0, 1, 2].map((k) => (image.pixels[i + k] ?? 0).toString(16).padStart(2, '0')).join('')}`;
}

/** The PNG inside an upload's body (files.uploadV2 posts multipart form data). */
export function pngInUpload(body: Buffer): Buffer {
  const start = body.indexOf(SIGNATURE);
  if (start < 0) throw new Error('no PNG in the upload');
  const end = body.lastIndexOf('\r\n--');
  return body.subarray(start, end > start ? end : body.length);
}
