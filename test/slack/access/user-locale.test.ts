import { describe, expect, it } from 'vitest';
import { fromSlackLocale, UserLocaleCache } from '../../../src/slack/access/user-locale.ts';
import { fakeSlackClient } from '../../helpers/fake-slack-client.ts';

describe('fromSlackLocale', () => {
  it('reads Japanese and every English, and nothing else', () => {
    expect(fromSlackLocale('ja-JP')).toBe('ja');
    expect(fromSlackLocale('en-US')).toBe('en');
    expect(fromSlackLocale('en-GB')).toBe('en');
    expect(fromSlackLocale('fr-FR')).toBeUndefined();
    expect(fromSlackLocale('')).toBeUndefined();
    expect(fromSlackLocale(undefined)).toBeUndefined();
  });
});

describe('UserLocaleCache', () => {
  it("answers each user's Slack language, asking with include_locale, once for a burst", async () => {
    const fake = fakeSlackClient({ locales: { U0KENJI: 'ja-JP', U0PIERRE: 'fr-FR' } });
    const cache = new UserLocaleCache('en');
    const answers = await Promise.all([cache.of(fake.client, 'U0KENJI'), cache.of(fake.client, 'U0KENJI'), cache.of(fake.client, 'U0ALICE')]);
    expect(answers).toEqual(['ja', 'ja', 'en']);
    expect(await cache.of(fake.client, 'U0PIERRE')).toBe('en');
    expect(fake.callsTo('users.info').map((c) => c.params)).toEqual([
      { user: 'U0KENJI', include_locale: true },
      { user: 'U0ALICE', include_locale: true },
      { user: 'U0PIERRE', include_locale: true },
    ]);
  });

  it('falls back to AWSCHECK_LOCALE when Slack refuses, says why without a token, and asks again later', async () => {
    let now = 0;
    const fake = fakeSlackClient({ failing: { 'users.info': 'missing_scope' } });
    const errors: string[] = [];
    const cache = new UserLocaleCache('ja', { now: () => now, failureTtlMs: 1000, onLookupError: (user, code) => errors.push(`${user} ${code}`) });
    expect(await cache.of(fake.client, 'U0ALICE')).toBe('ja');
    expect(await cache.of(fake.client, 'U0ALICE')).toBe('ja');
    expect(errors).toEqual(['U0ALICE missing_scope']);
    now = 1001;
    await cache.of(fake.client, 'U0ALICE');
    expect(fake.callsTo('users.info')).toHaveLength(2);
  });

  it('answers AWSCHECK_LOCALE when Slack is slow, rather than holding up an ack', async () => {
    const slow = { users: { info: () => new Promise(() => undefined) } };
    const errors: string[] = [];
    const cache = new UserLocaleCache('ja', { timeoutMs: 20, onLookupError: (_user, code) => errors.push(code) });
    expect(await cache.of(slow as never, 'U0ALICE')).toBe('ja');
    expect(errors).toEqual(['timeout']);
  });

  it('forgets a language after its time, and the least recently asked user beyond its size', async () => {
    let now = 0;
    const fake = fakeSlackClient({ locales: { U1: 'ja-JP', U2: 'ja-JP', U3: 'ja-JP' } });
    const cache = new UserLocaleCache('en', { now: () => now, ttlMs: 100, maxUsers: 2 });
    await cache.of(fake.client, 'U1');
    await cache.of(fake.client, 'U2');
    await cache.of(fake.client, 'U1');
    await cache.of(fake.client, 'U3');
    expect(fake.callsTo('users.info').map((c) => c.params.user)).toEqual(['U1', 'U2', 'U3']);
    // U2 was the least recently asked, so it went; U1 stayed.
    await cache.of(fake.client, 'U1');
    await cache.of(fake.client, 'U2');
    expect(fake.callsTo('users.info').map((c) => c.params.user)).toEqual(['U1', 'U2', 'U3', 'U2']);
    now = 101;
    await cache.of(fake.client, 'U2');
    expect(fake.callsTo('users.info')).toHaveLength(5);
  });
});
