import { describe, expect, it } from 'vitest';
import { userConsoleMfa } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { consoleUser, report, root, user } from '../../../test/checks/iam/fixtures.ts';

describe('iam.user-console-mfa', () => {
  it('fails a console user without MFA and passes the others, one result per user', () => {
    const results = evaluate(userConsoleMfa, [report([consoleUser('alice', { mfaActive: false }), consoleUser('bob'), user('ci-bot')])]);
    expect(results.map((r) => [r.resourceId, r.status])).toEqual([
      ['alice', 'FAIL'],
      ['bob', 'PASS'],
      ['ci-bot', 'PASS'],
    ]);
    expect(results[0]).toMatchObject({
      resourceType: 'AWS::IAM::User',
      resourceArn: 'arn:aws:iam::123456789012:user/alice',
      evidence: 'alice can sign in to the console with a password and has no MFA',
      details: { passwordEnabled: true, mfaActive: false },
    });
    expect(results[2]?.evidence).toBe('ci-bot has no console password');
  });

  it('never treats the root row as an IAM user', () => {
    const results = evaluate(userConsoleMfa, [report([consoleUser('bob')], root({ mfaActive: false }))]);
    expect(results.map((r) => r.resourceId)).toEqual(['bob']);
  });

  it('answers on the account when there are no IAM users', () => {
    const results = evaluate(userConsoleMfa, [report([])], { locale: 'ja' });
    expect(results).toMatchObject([{ status: 'PASS', resourceType: 'AWS::::Account', evidence: 'このアカウントには IAM ユーザーがありません' }]);
  });
});
