import { describe, expect, it } from 'vitest';
import { MemoryResultSets } from '../../../src/slack/results/result-sets.ts';
import { result } from '../fixtures.ts';

const set = (n: number) => ({ accounts: [{ accountId: '111122223333', name: 'prod' }], failing: Array.from({ length: n }, (_, i) => result({ resourceId: `r-${i}` })) });

describe('MemoryResultSets', () => {
  it('gives each set an unguessable id and forgets it after a day', async () => {
    let now = 0;
    const sets = new MemoryResultSets({ now: () => now });
    const id = await sets.save(set(3));
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await sets.get(id))?.failing).toHaveLength(3);
    expect(await sets.get('not-an-id')).toBeUndefined();
    expect(await sets.get('AAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
    now = 24 * 60 * 60 * 1000 + 1;
    expect(await sets.get(id)).toBeUndefined();
  });

  it('keeps one id per key, and drops the oldest sets past its size', async () => {
    const sets = new MemoryResultSets({ maxFindings: 10 });
    const first = await sets.save(set(4), { key: 'home|1' });
    expect(await sets.save(set(4), { key: 'home|1' })).toBe(first);
    const second = await sets.save(set(4));
    const third = await sets.save(set(4));
    expect(await sets.get(first)).toBeUndefined();
    expect(await sets.get(second)).toBeDefined();
    expect(await sets.get(third)).toBeDefined();
    // A forgotten key gets a new set.
    expect(await sets.save(set(1), { key: 'home|1' })).not.toBe(first);
    // The newest set stays even when it alone is too big.
    const huge = await sets.save(set(50));
    expect((await sets.get(huge))?.failing).toHaveLength(50);
  });
});
