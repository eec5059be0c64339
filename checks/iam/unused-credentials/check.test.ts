import { describe, expect, it } from 'vitest';
import { unusedCredentials } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { activeKey, consoleUser, daysAgo, key, report, root, user } from '../../../test/checks/iam/fixtures.ts';

const only = (row: Parameters<typeof report>[0][number], credential: string) =>
  evaluate(unusedCredentials, [report([row])]).find((r) => r.subResourceId === credential);

describe('iam.unused-credentials', () => {
  it('gives one result per credential: the password and each key that exists', () => {
    const results = evaluate(unusedCredentials, [
      report([consoleUser('alice', { keys: [activeKey('access_key_1', 100, 2), key('access_key_2', { lastRotated: daysAgo(300) })] }), user('ci-bot')]),
    ]);
    expect(results.map((r) => `${r.resourceId}/${r.subResourceId}:${r.status}`)).toEqual([
      'alice/password:PASS',
      'alice/access_key_1:PASS',
      'alice/access_key_2:PASS',
      'ci-bot/password:PASS',
    ]);
  });

  it('fails a password unused for exactly the limit and passes one a day fresher', () => {
    expect(only(consoleUser('a', { passwordLastUsed: daysAgo(45) }), 'password')).toMatchObject({
      status: 'FAIL',
      evidence: "a's console password was last used on 2026-10-11, 45 days ago (limit 45)",
      details: { credential: 'password', lastUsed: '2026-10-11T00:00:00.000Z', idleDays: 45, limitDays: 45 },
    });
    expect(only(consoleUser('a', { passwordLastUsed: daysAgo(44) }), 'password')?.status).toBe('PASS');
  });

  it('counts a never-used password from when it was set', () => {
    const stale = only(consoleUser('a', { passwordLastUsed: 'never', passwordLastChanged: daysAgo(50) }), 'password');
    expect(stale).toMatchObject({
      status: 'FAIL',
      evidence: "a's console password has never been used since it was set on 2026-10-06, 50 days ago (limit 45)",
      details: { lastUsed: null, countedFrom: '2026-10-06T00:00:00.000Z' },
    });
    expect(only(consoleUser('a', { passwordLastUsed: 'never', passwordLastChanged: daysAgo(10) }), 'password')?.status).toBe('PASS');
  });

  it('counts from user creation when the report has no password change date', () => {
    const result = only(consoleUser('a', { passwordLastUsed: 'no_information', passwordLastChanged: undefined, userCreationTime: daysAgo(4000) }), 'password');
    expect(result?.status).toBe('FAIL');
    expect(result?.evidence).toContain('has no recorded use since the user was created on');
  });

  it('fails an active key unused for the limit, counting a never-used key from its creation', () => {
    expect(only(user('a', { keys: [activeKey('access_key_1', 400, 46)] }), 'access_key_1')).toMatchObject({
      status: 'FAIL',
      evidence: 'a access_key_1 was last used on 2026-10-10, 46 days ago (limit 45)',
      details: { credential: 'access_key_1', slot: 'access_key_1', lastRotated: '2025-10-21T00:00:00.000Z', idleDays: 46 },
    });
    expect(only(user('a', { keys: [activeKey('access_key_1', 46)] }), 'access_key_1')).toMatchObject({
      status: 'FAIL',
      evidence: 'a access_key_1 has never been used since it was created on 2026-10-10, 46 days ago (limit 45)',
    });
    expect(only(user('a', { keys: [activeKey('access_key_1', 3)] }), 'access_key_1')?.status).toBe('PASS');
  });

  it('passes inactive keys and reports ERROR for an active key with no dates at all', () => {
    expect(only(user('a', { keys: [key('access_key_1', { lastRotated: daysAgo(900) })] }), 'access_key_1')).toMatchObject({ status: 'PASS', evidence: 'a access_key_1 is inactive' });
    expect(only(user('a', { keys: [key('access_key_1', { active: true })] }), 'access_key_1')?.status).toBe('ERROR');
  });

  it('never evaluates the root row', () => {
    const results = evaluate(unusedCredentials, [report([], root({ passwordLastUsed: daysAgo(900), keys: [activeKey('access_key_1', 900)] }))]);
    expect(results).toMatchObject([{ status: 'PASS', resourceType: 'AWS::::Account' }]);
  });

  it('speaks Japanese', () => {
    const results = evaluate(unusedCredentials, [report([user('a', { keys: [activeKey('access_key_1', 46)] })])], { locale: 'ja' });
    expect(results.find((r) => r.subResourceId === 'access_key_1')?.evidence).toBe(
      'a の access_key_1 は 2026-10-10 に作成されてから一度も使用されていません (46 日前、上限 45 日)',
    );
  });
});
