// How documents and scan results are packed into items: JSON, gzip-compressed when large, and results cut
// into chunks well under DynamoDB's 400 KB item limit so a 50,000-result scan fits.
import { gunzipSync, gzipSync } from 'node:zlib';

/** Documents above this many bytes of JSON are stored compressed. */
const COMPRESS_ABOVE = 8 * 1024;
/** Uncompressed JSON per result chunk; compressed it is a fraction of this. */
const CHUNK_JSON_BYTES = 512 * 1024;
/** A compressed chunk above this is split again (incompressible text): far below the 400 KB item limit. */
const CHUNK_MAX_BYTES = 300 * 1024;

export type Packed = string | Uint8Array;

export function pack(value: unknown): Packed {
  const json = JSON.stringify(value);
  return json.length > COMPRESS_ABOVE ? gzipSync(json) : json;
}

export function unpack<T>(packed: Packed): T {
  return JSON.parse(typeof packed === 'string' ? packed : gunzipSync(packed).toString('utf8')) as T;
}

/** Compressed chunks of `items`, in order, each under CHUNK_MAX_BYTES. */
export function packChunks(items: readonly unknown[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const emit = (group: readonly string[]): void => {
    const packed = gzipSync(`[${group.join(',')}]`);
    if (packed.length > CHUNK_MAX_BYTES && group.length > 1) {
      const half = Math.ceil(group.length / 2);
      emit(group.slice(0, half));
      emit(group.slice(half));
      return;
    }
    if (packed.length > CHUNK_MAX_BYTES) throw new Error(`one result is ${packed.length} bytes compressed; the limit is ${CHUNK_MAX_BYTES}`);
    chunks.push(packed);
  };
  let group: string[] = [];
  let size = 0;
  for (const item of items) {
    const json = JSON.stringify(item);
    if (group.length > 0 && size + json.length > CHUNK_JSON_BYTES) {
      emit(group);
      group = [];
      size = 0;
    }
    group.push(json);
    size += json.length + 1;
  }
  if (group.length > 0) emit(group);
  return chunks;
}

export function unpackChunk<T>(chunk: Uint8Array): T[] {
  return JSON.parse(gunzipSync(chunk).toString('utf8')) as T[];
}
