// The fixes read what the checks write: real FAIL results, evaluated from inventory, drive the fixes here.
import { GetAccessKeyLastUsedCommand, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sgAdminPortIpv4 } from '../../checks/ec2/sg-admin-port-ipv4/check.ts';
import { fixForFinding } from '../../checks/fixes.ts';
import { accessKeyRotation } from '../../checks/iam/access-key-rotation/check.ts';
import type { CredentialReportRow } from '../../src/collectors/iam/credential-report.ts';
import { evaluate, failing } from '../helpers/evaluate.ts';
import { fakeSecurityGroups, rule } from './ec2/fake-security-groups.ts';
import { expectDeclaredCalls, fixContext, mockAws, sentCommands } from './helpers.ts';

const aws = mockAws();
afterEach(() => aws.reset());
afterAll(() => aws.restore());

describe('fixes driven by real check results', () => {
  it('ec2.sg-admin-port-ipv4 → the world-open rule fix revokes exactly the rule the check named', async () => {
    const [result] = failing(
      evaluate(
        sgAdminPortIpv4,
        [
          [
            {
              groupId: 'sg-0abc',
              groupName: 'web',
              vpcId: 'vpc-1',
              rules: [
                { ruleId: 'sgr-ssh', groupId: 'sg-0abc', isEgress: false, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0', description: 'admin' },
                { ruleId: 'sgr-https', groupId: 'sg-0abc', isEgress: false, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0' },
              ],
            },
          ],
          [{ networkInterfaceId: 'eni-1', interfaceType: 'interface', instanceId: 'i-1', groupIds: ['sg-0abc'] }],
        ],
        { region: 'eu-west-1' },
      ),
    );
    const fix = fixForFinding(result!);
    expect(fix?.id).toBe('ec2.revoke-world-open-rule');
    const fake = fakeSecurityGroups(
      aws,
      [
        rule('sgr-ssh', { FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0', Description: 'admin' }),
        rule('sgr-https', { FromPort: 443, ToPort: 443, CidrIpv4: '0.0.0.0/0' }),
      ],
      { interfaces: [{ instanceId: 'i-1' }], online: ['i-1'] },
    );
    const outcome = await fix!.apply(result!, {}, fixContext());
    expect(outcome.status).toBe('applied');
    expect(sentCommands(aws, 'RevokeSecurityGroupIngressCommand')).toEqual([{ GroupId: 'sg-0abc', SecurityGroupRuleIds: ['sgr-ssh'] }]);
    expect(fake.rules.map((r) => r.SecurityGroupRuleId)).toEqual(['sgr-https']);
    expectDeclaredCalls(fix!, aws);
  });

  it('iam.access-key-rotation → the key fix deactivates the key of the slot and creation time the check reported', async () => {
    const key = (slot: 'access_key_1' | 'access_key_2', created: string) => ({
      slot,
      active: true,
      lastRotated: new Date(created),
      lastUsedDate: undefined,
      lastUsedRegion: undefined,
      lastUsedService: undefined,
    });
    const row: CredentialReportRow = {
      user: 'alice',
      arn: 'arn:aws:iam::123456789012:user/alice',
      isRoot: false,
      userCreationTime: new Date('2024-01-01T00:00:00Z'),
      passwordEnabled: false,
      passwordLastUsed: undefined,
      passwordLastChanged: undefined,
      mfaActive: false,
      accessKeys: [key('access_key_1', '2025-01-01T00:00:00Z'), key('access_key_2', '2026-11-20T00:00:00Z')],
    };
    const results = failing(evaluate(accessKeyRotation, [{ generatedAt: undefined, root: { ...row, user: '<root_account>', isRoot: true }, users: [row], unreadableUsers: [] }]));
    expect(results.map((r) => r.subResourceId)).toEqual(['access_key_1']);
    aws.iam.on(ListAccessKeysCommand).resolves({
      AccessKeyMetadata: [
        { UserName: 'alice', AccessKeyId: 'AKIASECONDKEY0000002', Status: 'Active', CreateDate: new Date('2026-11-20T00:00:00Z') },
        { UserName: 'alice', AccessKeyId: 'AKIAFIRSTKEY00000001', Status: 'Active', CreateDate: new Date('2025-01-01T00:00:00Z') },
      ],
    });
    aws.iam.on(GetAccessKeyLastUsedCommand).resolves({ AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
    const fix = fixForFinding(results[0]!);
    const preview = await fix!.preview(results[0]!, fixContext());
    expect(preview.current).toMatchObject({ userName: 'alice', accessKeyId: 'AKIAFIRSTKEY00000001' });
    expectDeclaredCalls(fix!, aws);
  });
});
