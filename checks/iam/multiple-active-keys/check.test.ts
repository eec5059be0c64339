import { describe, expect, it } from 'vitest';
import { multipleActiveKeys } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { activeKey, daysAgo, key, report, root, user } from '../../../test/checks/iam/fixtures.ts';

describe('iam.multiple-active-keys', () => {
  it('fails a user with two active keys and passes one with an active and an inactive key', () => {
    const results = evaluate(multipleActiveKeys, [
      report([
        user('alice', { keys: [activeKey('access_key_1', 10), activeKey('access_key_2', 5)] }),
        user('bob', { keys: [activeKey('access_key_1', 10), key('access_key_2', { lastRotated: daysAgo(100) })] }),
        user('carol'),
      ]),
    ]);
    expect(results).toMatchObject([
      { resourceId: 'alice', status: 'FAIL', evidence: 'alice has 2 active access keys (access_key_1, access_key_2)', details: { activeKeys: ['access_key_1', 'access_key_2'] } },
      { resourceId: 'bob', status: 'PASS', evidence: 'bob has 1 active access key (access_key_1)' },
      { resourceId: 'carol', status: 'PASS', evidence: 'carol has 0 active access keys' },
    ]);
  });

  it('does not count the root row', () => {
    const results = evaluate(multipleActiveKeys, [report([user('carol')], root({ keys: [activeKey('access_key_1', 1), activeKey('access_key_2', 1)] }))]);
    expect(results.map((r) => r.resourceId)).toEqual(['carol']);
  });
});
