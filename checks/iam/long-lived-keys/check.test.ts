import { describe, expect, it } from 'vitest';
import { longLivedKeys } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { activeKey, daysAgo, key, report, root, user } from '../../../test/checks/iam/fixtures.ts';

describe('iam.long-lived-keys', () => {
  it('flags (info) each user holding an active key, and passes the rest', () => {
    const results = evaluate(longLivedKeys, [
      report([user('deploy', { keys: [activeKey('access_key_1', 5, 1)] }), user('retired', { keys: [key('access_key_1', { lastRotated: daysAgo(500) })] })]),
    ]);
    expect(results).toMatchObject([
      {
        resourceId: 'deploy',
        status: 'FAIL',
        severity: 'info',
        evidence: 'deploy holds 1 active long-lived access key (access_key_1); prefer IAM Identity Center or roles',
      },
      { resourceId: 'retired', status: 'PASS', evidence: 'retired holds no active access key' },
    ]);
  });

  it('leaves root keys to iam.root-access-keys', () => {
    const results = evaluate(longLivedKeys, [report([], root({ keys: [activeKey('access_key_1', 5)] }))]);
    expect(results).toMatchObject([{ status: 'PASS', resourceType: 'AWS::::Account' }]);
  });
});
