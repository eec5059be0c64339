import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/time/duration.ts';

describe('durations', () => {
  it('reads 24h, 2d and 90 m, and writes the shortest form back', () => {
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('2d')).toBe(2 * 86_400_000);
    expect(parseDuration('90 m')).toBe(90 * 60_000);
    expect(parseDuration('24')).toBeUndefined();
    expect(formatDuration(86_400_000)).toBe('1d');
    expect(formatDuration(90 * 60_000)).toBe('90m');
  });
});
