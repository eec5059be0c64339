import { describe, expect, it } from 'vitest';
import { documentPublic } from './check.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';
import { REGION } from '../../../test/checks/ec2/fixtures.ts';

describe('ssm.document-public', () => {
  it('fails public documents, passes private ones, and reports unreadable ones as ERROR alone', () => {
    const results = evaluate(
      documentPublic,
      [
        [
          { name: 'deploy', documentType: 'Command', share: { accountIds: ['all'], publicVersion: '3' } },
          { name: 'partner', share: { accountIds: ['111122223333'] } },
          { name: 'private', share: { accountIds: [] } },
          { name: 'locked', error: 'AccessDeniedException: not authorized' },
        ],
      ],
      { region: REGION },
    );
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        resourceType: 'AWS::SSM::Document',
        resourceId: 'deploy',
        resourceArn: `arn:aws:ssm:${REGION}:${TEST_ACCOUNT}:document/deploy`,
        evidence: 'Document deploy is shared publicly (version 3)',
        details: { sharedWith: ['all'], publicVersion: '3' },
      },
      { status: 'PASS', resourceId: 'partner', evidence: 'Document partner is not public (shared with 1 account)' },
      { status: 'PASS', resourceId: 'private', evidence: 'Document private is not shared' },
      { status: 'ERROR', resourceId: 'locked', details: { reason: 'AccessDeniedException: not authorized' } },
    ]);
  });
});
