import { describe, expect, it } from 'vitest';
import { rootRecentUse } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { activeKey, consoleUser, daysAgo, key, report, root } from '../../../test/checks/iam/fixtures.ts';

describe('iam.root-recent-use', () => {
  it('fails when the root password was used within the window', () => {
    const [result] = evaluate(rootRecentUse, [report([], root({ passwordLastUsed: daysAgo(5) }))]);
    expect(result).toMatchObject({
      status: 'FAIL',
      resourceType: 'AWS::::Account',
      resourceId: '123456789012',
      resourceArn: 'arn:aws:iam::123456789012:root',
      evidence: 'Root user used within the last 30 days: password on 2026-11-20 (5 days ago)',
      details: { windowDays: 30, recentUses: [{ credential: 'password', ageDays: 5 }] },
    });
  });

  it('fails when a root access key was used within the window', () => {
    const rootRow = root({ keys: [activeKey('access_key_1', 300, 12)] });
    const [result] = evaluate(rootRecentUse, [report([], rootRow)]);
    expect(result?.status).toBe('FAIL');
    expect(result?.evidence).toContain('access_key_1 on 2026-11-13 (12 days ago)');
  });

  it('passes when root was last used long ago, and says when', () => {
    const [result] = evaluate(rootRecentUse, [report([], root({ passwordLastUsed: daysAgo(200) }))]);
    expect(result).toMatchObject({ status: 'PASS', evidence: 'Root user not used in the last 30 days (last use: password on 2026-05-09 (200 days ago))' });
  });

  it('passes with "none recorded" when root has no recorded use at all', () => {
    const [result] = evaluate(rootRecentUse, [report([], root({ passwordLastUsed: 'no_information' }))]);
    expect(result).toMatchObject({ status: 'PASS', details: { passwordLastUsed: 'no_information' } });
    expect(result?.evidence).toContain('none recorded');
  });

  it('counts a use exactly rootUseDays ago as within the window', () => {
    const onBoundary = evaluate(rootRecentUse, [report([], root({ passwordLastUsed: daysAgo(30) }))]);
    const justOutside = evaluate(rootRecentUse, [report([], root({ passwordLastUsed: new Date(daysAgo(30).getTime() - 1) }))]);
    expect(onBoundary[0]?.status).toBe('FAIL');
    expect(justOutside[0]?.status).toBe('PASS');
  });

  it('reads the window from the settings', () => {
    const data = [report([], root({ passwordLastUsed: daysAgo(10) }))] as const;
    expect(evaluate(rootRecentUse, data, { settings: { thresholds: { accessKeyMaxAgeDays: 90, unusedCredentialDays: 45, rootUseDays: 7 } } })[0]?.status).toBe('PASS');
  });

  it('looks only at root, never at IAM users used yesterday', () => {
    const results = evaluate(rootRecentUse, [report([consoleUser('alice', { keys: [activeKey('access_key_1', 10, 1)] })], root({ keys: [key('access_key_1')] }))]);
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe('PASS');
  });

  it('speaks Japanese', () => {
    const [result] = evaluate(rootRecentUse, [report([], root({ passwordLastUsed: daysAgo(5) }))], { locale: 'ja' });
    expect(result?.evidence).toBe('ルートユーザーが過去 30 日以内に使用されています: パスワード 2026-11-20 (5 日前)');
  });
});
