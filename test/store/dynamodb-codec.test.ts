import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pack, packChunks, unpack, unpackChunk } from '../../src/store/dynamodb/codec.ts';

describe('DynamoDB item packing', () => {
  it('cuts incompressible results into chunks under 300 KB that read back in order', () => {
    const items = Array.from({ length: 400 }, (_, i) => ({ i, evidence: randomBytes(6_000).toString('base64') }));
    const chunks = packChunks(items);
    expect(chunks.length).toBeGreaterThan(8);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(300 * 1024);
    expect(chunks.flatMap((c) => unpackChunk(c))).toEqual(items);
    expect(packChunks([])).toEqual([]);
  });

  it('compresses only large documents', () => {
    expect(typeof pack({ a: 1 })).toBe('string');
    const large = { text: 'x'.repeat(50_000) };
    const packed = pack(large);
    expect(packed).toBeInstanceOf(Uint8Array);
    expect((packed as Uint8Array).length).toBeLessThan(1_000);
    expect(unpack(packed)).toEqual(large);
  });
});
