import { describe, expect, it } from 'vitest';
import { type Counted, count, plural, t } from '../../src/i18n/locale.ts';

describe('t', () => {
  it('reads the locale and fills placeholders, leaving unknown ones as written', () => {
    const message = { en: 'Posted to {channel} {when}', ja: '{channel} に投稿しました {when}' };
    expect(t('en', message, { channel: '#sec' })).toBe('Posted to #sec {when}');
    expect(t('ja', message)).toBe('{channel} に投稿しました {when}');
  });

  it('chooses a counted entry by Intl.PluralRules: one in English only for 1, one form in Japanese', () => {
    const gone: Counted = { en: { one: '{count} failure is gone', other: '{count} failures are gone' }, ja: { other: '{count} 件が消えました' } };
    expect(t('en', gone, { count: 1 })).toBe('1 failure is gone');
    expect(t('en', gone, { count: 0 })).toBe('0 failures are gone');
    expect(t('en', gone, { count: 2 })).toBe('2 failures are gone');
    expect(t('ja', gone, { count: 1 })).toBe('1 件が消えました');
  });
});

describe('plural and count', () => {
  it('says "1 finding" and "2 findings", never "(s)"', () => {
    const forms = { one: 'finding', other: 'findings' };
    expect(count('en', 1, forms)).toBe('1 finding');
    expect(count('en', 2, forms)).toBe('2 findings');
    expect(plural('ja', 1, { one: 'x', other: '件' })).toBe('件');
  });
});
