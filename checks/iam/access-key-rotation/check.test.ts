import { describe, expect, it } from 'vitest';
import { accessKeyRotation } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { activeKey, daysAgo, key, report, root, user } from '../../../test/checks/iam/fixtures.ts';

describe('iam.access-key-rotation', () => {
  it('fails an active key older than the limit, one result per user and key slot', () => {
    const results = evaluate(accessKeyRotation, [report([user('alice', { keys: [activeKey('access_key_1', 120), activeKey('access_key_2', 10)] })])]);
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        resourceType: 'AWS::IAM::User',
        resourceId: 'alice',
        subResourceId: 'access_key_1',
        evidence: 'alice access_key_1 was created or last rotated on 2026-07-28, 120 days ago (limit 90)',
        details: { slot: 'access_key_1', active: true, ageDays: 120, maxAgeDays: 90, lastRotated: '2026-07-28T00:00:00.000Z' },
      },
      { status: 'PASS', subResourceId: 'access_key_2', details: { ageDays: 10 } },
    ]);
  });

  it('defines "older than 90 days" as strictly more than 90 days', () => {
    const exactly = evaluate(accessKeyRotation, [report([user('a', { keys: [activeKey('access_key_1', 90)] })])]);
    const justOver = evaluate(accessKeyRotation, [report([user('a', { keys: [key('access_key_1', { active: true, lastRotated: new Date(daysAgo(90).getTime() - 1) })] })])]);
    expect(exactly[0]?.status).toBe('PASS');
    expect(justOver[0]?.status).toBe('FAIL');
  });

  it('does not fail inactive keys, but still reports them so a deactivation shows as resolved', () => {
    const results = evaluate(accessKeyRotation, [report([user('alice', { keys: [key('access_key_1', { active: false, lastRotated: daysAgo(500) })] })])]);
    expect(results).toMatchObject([{ status: 'PASS', subResourceId: 'access_key_1', evidence: 'alice access_key_1 is inactive' }]);
  });

  it('gives ERROR, not PASS, for an active key without a rotation date', () => {
    const results = evaluate(accessKeyRotation, [report([user('alice', { keys: [key('access_key_1', { active: true })] })])]);
    expect(results).toMatchObject([{ status: 'ERROR', subResourceId: 'access_key_1' }]);
  });

  it('reads the limit from the settings', () => {
    const data = [report([user('a', { keys: [activeKey('access_key_1', 40)] })])] as const;
    const results = evaluate(accessKeyRotation, data, { settings: { thresholds: { accessKeyMaxAgeDays: 30, unusedCredentialDays: 45, rootUseDays: 30 } } });
    expect(results[0]).toMatchObject({ status: 'FAIL', details: { maxAgeDays: 30 } });
  });

  it('ignores the root row and users without keys; answers on the account when no key exists', () => {
    const results = evaluate(accessKeyRotation, [report([user('no-keys')], root({ keys: [activeKey('access_key_1', 900)] }))]);
    expect(results).toMatchObject([{ status: 'PASS', resourceType: 'AWS::::Account', evidence: 'No IAM user has an access key' }]);
  });

  it('speaks Japanese', () => {
    const results = evaluate(accessKeyRotation, [report([user('alice', { keys: [activeKey('access_key_1', 100)] })])], { locale: 'ja' });
    expect(results[0]?.evidence).toBe('alice の access_key_1 は 2026-08-17 (100 日前) に作成またはローテーションされたままです (上限 90 日)');
  });
});
