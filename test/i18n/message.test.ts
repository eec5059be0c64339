import { describe, expect, it } from 'vitest';
import { evidenceIn, formatMessage, hasWords, messageKey, registerWords, sayIn } from '../../src/i18n/message.ts';

const say = sayIn('iam.access-key-rotation');

describe('messages', () => {
  it('name sentences in the speaker’s namespace, or in the one before a colon', () => {
    expect(messageKey('iam.root-mfa', 'enabled')).toBe('iam.root-mfa:evidence.enabled');
    expect(messageKey('iam.root-mfa', 'common:unreadable')).toBe('common:evidence.unreadable');
    expect(say('noKeys')).toEqual({ key: 'iam.access-key-rotation:evidence.noKeys' });
  });

  it('pick English plural forms by count, Japanese has one', () => {
    const params = { user: 'alice', slot: 'access_key_1', limit: 90 };
    expect(formatMessage('en', say('young', { ...params, count: 1 }))).toBe('alice access_key_1 is 1 day old (limit 90)');
    expect(formatMessage('en', say('young', { ...params, count: 2 }))).toBe('alice access_key_1 is 2 days old (limit 90)');
    expect(formatMessage('ja', say('young', { ...params, count: 1 }))).toBe('alice の access_key_1 は作成から 1 日です (上限 90 日)');
  });

  it('word clauses and lists in the same locale, joined the locale’s way', () => {
    const message = sayIn('iam.root-hardware-mfa')('virtual', { devices: ['arn:a', 'arn:b'] });
    expect(formatMessage('en', message)).toBe("Root user's MFA includes a virtual device: arn:a, arn:b");
    expect(formatMessage('ja', message)).toBe('ルートユーザーの MFA に仮想デバイスが含まれています: arn:a、arn:b');
    const clause = sayIn('iam.password-policy')('oneProblem', { problem: sayIn('iam.password-policy')('noPolicy') });
    expect(formatMessage('ja', clause)).toBe('パスワードポリシー: アカウントのパスワードポリシーが設定されていません');
  });

  it('leave values from AWS as they are: no escaping, no interpolation or nesting inside them', () => {
    const hostile = '<@U1> {{user}} $t(common:evidence.notEvaluated) & *x*';
    const message = sayIn('common')('unreadable', { name: hostile, reason: 'ns' });
    expect(formatMessage('en', message)).toBe(`${hostile} could not be evaluated: ns`);
    // A parameter named like an i18next option is still a parameter.
    expect(formatMessage('en', sayIn('common')('accountUnreachable', { name: 'prod', id: '1', reason: 'x', lng: 'ja', ns: 'iam' }))).toBe(
      'Cannot access account prod (1): x',
    );
  });

  it('never show a raw key: the stored text when the words are missing, else an error', () => {
    const missing = { key: 'iam.root-mfa:evidence.noSuchSentence' };
    expect(hasWords('en', missing)).toBe(false);
    expect(formatMessage('en', missing, 'stored text')).toBe('stored text');
    expect(() => formatMessage('ja', missing)).toThrow(/no ja words for iam\.root-mfa:evidence\.noSuchSentence/);
    expect(evidenceIn('ja', { evidence: 'stored text', message: missing })).toBe('stored text');
    expect(evidenceIn('ja', { evidence: 'old row without a message' })).toBe('old row without a message');
    const clauseMissing = sayIn('iam.password-policy')('oneProblem', { problem: missing });
    expect(evidenceIn('en', { evidence: 'stored clause', message: clauseMissing })).toBe('stored clause');
  });

  it('word a check outside the catalogue once its words are registered', () => {
    const message = sayIn('test.registered')('hello', { who: 'x' });
    expect(hasWords('en', message)).toBe(false);
    registerWords('test.registered', { en: { evidence: { hello: 'hello {{who}}' } }, ja: { evidence: { hello: '{{who}} さん、こんにちは' } } });
    expect(formatMessage('ja', message)).toBe('x さん、こんにちは');
  });
});
