import { RevokeSecurityGroupEgressCommand as RevokeEgress } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { defaultGroupRulesFix as fix } from './fix.ts';
import { awsError, finding, fixContext, mockAwsFor, recordingJournal, sentCommands, undoApplied, writesSent } from '../../../test/fixes/helpers.ts';
import { fakeSecurityGroups, rule } from '../../../test/fixes/ec2/fake-security-groups.ts';

const aws = mockAwsFor(fix);

// What AWS puts in every new VPC's default group: members talk to each other, and all traffic goes out.
const SELF = rule('sgr-self', { GroupId: 'sg-def', IpProtocol: '-1', FromPort: -1, ToPort: -1, ReferencedGroupInfo: { GroupId: 'sg-def', UserId: '123456789012' } });
const OUT_V4 = rule('sgr-out4', { GroupId: 'sg-def', IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0' });
const OUT_V6 = rule('sgr-out6', { GroupId: 'sg-def', IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv6: '::/0', Description: 'v6 out' });

const defaultFinding = finding({
  checkId: 'ec2.sg-default-not-restricted',
  resourceType: 'AWS::EC2::SecurityGroup',
  resourceId: 'sg-def',
  details: { groupId: 'sg-def', groupName: 'default', vpcId: 'vpc-1' },
});

function defaultGroup() {
  return fakeSecurityGroups(aws, [SELF, OUT_V4, OUT_V6], {
    groups: [{ id: 'sg-def', name: 'default' }],
    interfaces: [{ instanceId: 'i-legacy' }],
  });
}

describe('ec2.sg-default-not-restricted fix', () => {
  it('previews every rule, who uses the group, and dry-runs both revokes', async () => {
    defaultGroup();
    const preview = await fix.preview(defaultFinding, fixContext());
    expect(preview.alreadyFixed).toBe(false);
    expect(preview.lines[0]).toBe('Revoke all 3 rules of default security group sg-def:');
    expect(preview.lines).toContain('• sgr-self: inbound all traffic from sg-def');
    expect(preview.lines).toContain('• sgr-out6: outbound all traffic to ::/0 ("v6 out")');
    expect(preview.lines).toContain('Instances using this group: i-legacy.');
    expect(preview.warnings[0]).toContain('Move such resources to a purpose-made group first');
    expect(preview.dryRun).toEqual({ ok: true });
    expect(sentCommands(aws, 'RevokeSecurityGroupIngressCommand')).toEqual([{ GroupId: 'sg-def', SecurityGroupRuleIds: ['sgr-self'], DryRun: true }]);
    expect(sentCommands(aws, 'RevokeSecurityGroupEgressCommand')).toEqual([
      { GroupId: 'sg-def', SecurityGroupRuleIds: ['sgr-out4', 'sgr-out6'], DryRun: true },
    ]);
  });

  it('journals the rules it is about to revoke before the first write; reconcile adopts nothing without a journal entry', async () => {
    defaultGroup();
    const { journal, log } = recordingJournal(aws);
    await fix.apply(defaultFinding, {}, { ...fixContext(), journal });
    expect(log).toHaveLength(1);
    expect(log[0]?.writesBefore).toBe(0);
    expect(log[0]?.entries).toMatchObject({ before: { groupId: 'sg-def', rules: [{ ruleId: 'sgr-self' }, { ruleId: 'sgr-out4' }, { ruleId: 'sgr-out6' }] } });
    // Someone else emptied a group while awscheck never started writing: not recorded as this fix.
    aws.reset();
    fakeSecurityGroups(aws, [], { groups: [{ id: 'sg-def', name: 'default' }] });
    const untouched = { ...journal, entries: undefined };
    expect((await fix.reconcile(defaultFinding, {}, { ...fixContext(), journal: untouched })).state).toBe('unchanged');
    expect((await fix.reconcile(defaultFinding, {}, { ...fixContext(), journal })).state).toBe('changed');
  });

  it('revokes every rule by id, and undo re-authorises each one exactly', async () => {
    const fake = defaultGroup();
    const ctx = fixContext();
    const applied = await fix.apply(defaultFinding, {}, ctx);
    expect(applied).toMatchObject({ status: 'applied', verified: true, after: { groupId: 'sg-def', rules: [] } });
    expect(fake.rules).toEqual([]);
    expect(applied.requestIds).toEqual(['req-revoke-ingress-sgr-self', 'req-revoke-egress-sgr-out4+sgr-out6']);

    const undone = await undoApplied(fix, defaultFinding, applied, ctx);
    expect(undone.status).toBe('undone');
    expect(sentCommands(aws, 'AuthorizeSecurityGroupIngressCommand')).toEqual([
      { GroupId: 'sg-def', IpPermissions: [{ IpProtocol: '-1', FromPort: -1, ToPort: -1, UserIdGroupPairs: [{ GroupId: 'sg-def', UserId: '123456789012' }] }] },
    ]);
    expect(sentCommands(aws, 'AuthorizeSecurityGroupEgressCommand')).toEqual([
      { GroupId: 'sg-def', IpPermissions: [{ IpProtocol: '-1', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
      { GroupId: 'sg-def', IpPermissions: [{ IpProtocol: '-1', FromPort: -1, ToPort: -1, Ipv6Ranges: [{ CidrIpv6: '::/0', Description: 'v6 out' }] }] },
    ]);
    expect(fake.rules).toHaveLength(3);
  });

  it('puts the inbound rules back when the outbound revoke fails, and reports the failure', async () => {
    const fake = defaultGroup();
    aws.ec2.on(RevokeEgress).rejects(awsError('UnauthorizedOperation', 'not allowed to revoke egress'));
    await expect(fix.apply(defaultFinding, {}, fixContext())).rejects.toThrow('not allowed to revoke egress');
    expect(fake.rules.map((r) => r.IsEgress).sort()).toEqual([false, true, true]);
  });

  it('changes nothing when the group is already empty or gone', async () => {
    fakeSecurityGroups(aws, [], { groups: [{ id: 'sg-def', name: 'default' }] });
    const outcome = await fix.apply(defaultFinding, {}, fixContext());
    expect(outcome).toMatchObject({ status: 'no-change', requestIds: [] });
    expect(outcome.message).toContain('already has no rules');
    aws.reset();
    fakeSecurityGroups(aws, [], { groups: [] });
    expect((await fix.apply(defaultFinding, {}, fixContext())).message).toContain('no longer exists');
  });

  it('refuses to empty a group that is not a default group', async () => {
    fakeSecurityGroups(aws, [SELF], { groups: [{ id: 'sg-def', name: 'prod-web' }] });
    await expect(fix.apply(defaultFinding, {}, fixContext())).rejects.toThrow('not a VPC\'s default group');
    expect(writesSent(aws)).toEqual([]);
  });

  it('counts the rules in the words the count needs', async () => {
    fakeSecurityGroups(aws, [SELF], { groups: [{ id: 'sg-def', name: 'default' }] });
    const ctx = fixContext();
    expect((await fix.preview(defaultFinding, ctx)).lines[0]).toBe('Revoke the only rule of default security group sg-def:');
    expect((await fix.reconcile(defaultFinding, {}, ctx)).message).toBe('Default security group sg-def still has 1 rule: the fix was not applied.');
    expect((await fix.apply(defaultFinding, {}, ctx)).message).toBe('Revoked the 1 rule of default security group sg-def.');
  });

  it('reconciles by reading the rules', async () => {
    defaultGroup();
    expect((await fix.reconcile(defaultFinding, {}, fixContext())).state).toBe('unchanged');
    aws.reset();
    fakeSecurityGroups(aws, [], { groups: [{ id: 'sg-def', name: 'default' }] });
    expect((await fix.reconcile(defaultFinding, {}, fixContext())).state).toBe('changed');
  });
});
