// A fix says its sentences from its own words (defineFix binds them), in the configured language or in
// both (for refusals read later); plurals come from i18next, and a sentence it does not have is an error.
import { describe, expect, it } from 'vitest';
import { defineFix, FixError } from '../../src/remediation/fix.ts';
import { finding, fixContext } from '../fixes/helpers.ts';

const words = {
  en: { title: 'Test fix', plan_one: 'Close {{count}} rule of {{group}}.', plan_other: 'Close {{count}} rules of {{group}}.', refuse: 'No {{thing}} here' },
  ja: { title: 'テスト修正', plan_other: '{{group}} のルール {{count}} 件を閉じます。', refuse: '{{thing}} はありません' },
};

const testFix = defineFix({
  id: 'test.words',
  checkIds: ['test.check'],
  words,
  actions: { read: [], write: [] },
  async preview(_finding, ctx) {
    return { lines: [ctx.say('plan', { count: 1, group: 'sg-1' }), ctx.say('plan', { count: 3, group: 'sg-1' })], warnings: [], current: null, alreadyFixed: false };
  },
  async apply(_finding, _inputs, ctx) {
    throw new FixError(ctx.localized('refuse', { thing: 'bucket' }));
  },
  async undo(_applied, ctx) {
    return { status: 'undone', before: null, after: null, requestIds: [], message: ctx.say('missing'), verified: true };
  },
  async reconcile() {
    return { state: 'unchanged', current: null, message: '' };
  },
});

const failing = finding({ checkId: 'test.check', resourceId: 'sg-1' });

describe('a fix speaking its words', () => {
  it('takes its title from its words', () => {
    expect(testFix.title).toEqual({ en: 'Test fix', ja: 'テスト修正' });
  });

  it('says its sentences in the configured language, with the plural form the count needs', async () => {
    const en = await testFix.preview(failing, fixContext({ locale: 'en' }));
    expect(en.lines).toEqual(['Close 1 rule of sg-1.', 'Close 3 rules of sg-1.']);
    const ja = await testFix.preview(failing, fixContext({ locale: 'ja' }));
    expect(ja.lines).toEqual(['sg-1 のルール 1 件を閉じます。', 'sg-1 のルール 3 件を閉じます。']);
  });

  it('words a refusal in both languages, for whoever reads it later', async () => {
    await expect(testFix.apply(failing, {}, fixContext({ locale: 'ja' }))).rejects.toMatchObject({
      localized: { en: 'No bucket here', ja: 'bucket はありません' },
    });
  });

  it('refuses a sentence its words do not have, rather than showing a raw key', async () => {
    await expect(testFix.undo({ fixId: 'test.words', finding: failing, inputs: {}, before: null, after: null, requestIds: [] }, fixContext())).rejects.toThrow(/test\.words:fix\.missing/);
  });
});
