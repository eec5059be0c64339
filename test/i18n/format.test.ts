import { describe, expect, it } from 'vitest';
import { formatNumber, localDay, localTime } from '../../src/i18n/format.ts';
import { count } from '../../src/i18n/locale.ts';

describe('format', () => {
  it('writes counts, days and times through Intl', () => {
    expect(count('en', 1234, { one: 'finding', other: 'findings' })).toBe('1,234 findings');
    expect(localDay('2026-01-02T20:00:00Z', 'Asia/Tokyo')).toBe('2026-01-03');
    expect(localTime('2026-01-02T20:00:00Z', 'Asia/Tokyo')).toBe('2026-01-03 05:00 (Asia/Tokyo)');
    expect(formatNumber('ja', 1234)).toBe('1,234');
  });
});
