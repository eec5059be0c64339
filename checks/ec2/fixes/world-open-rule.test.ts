import { RevokeSecurityGroupIngressCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { worldOpenRuleFix as fix, normaliseCidr } from './world-open-rule.ts';
import { FixError, validateInputs } from '../../../src/remediation/fix.ts';
import { awsError, finding, fixContext, mockAwsFor, recordingJournal, sentCommands, undoApplied, writesSent } from '../../../test/fixes/helpers.ts';
import { fakeSecurityGroups, rule } from '../../../test/fixes/ec2/fake-security-groups.ts';
import { eni, group, rule as checkRule } from '../../../test/checks/ec2/fixtures.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { sgAdminPortIpv4 } from '../sg-admin-port-ipv4/check.ts';

const aws = mockAwsFor(fix);

const SSH_WORLD = rule('sgr-ssh', { FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0', Description: 'admin access' });
const HTTPS_WORLD = rule('sgr-https', { FromPort: 443, ToPort: 443, CidrIpv4: '0.0.0.0/0', Description: 'web' });
const SSH_OFFICE = rule('sgr-office', { FromPort: 22, ToPort: 22, CidrIpv4: '203.0.113.0/24', Description: 'office' });
const EGRESS_ALL = rule('sgr-out', { IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0' });

/** SSH_WORLD as the scan saw it: the fix reads the same rule back from AWS. */
const SSH_WORLD_SCANNED = checkRule({ ruleId: 'sgr-ssh', description: 'admin access' });

/** The FAIL result ec2.sg-admin-port-ipv4 writes for SSH_WORLD, by the check itself, so the two cannot drift apart. */
function sshFinding(overrides: Record<string, unknown> = {}) {
  const [result] = evaluate(sgAdminPortIpv4, [[group([SSH_WORLD_SCANNED])], [eni('i-online', ['sg-0abc']), eni('i-offline', ['sg-0abc'])]]);
  return finding({
    checkId: 'ec2.sg-admin-port-ipv4',
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId: 'sg-0abc',
    subResourceId: 'sgr-ssh',
    severity: 'critical',
    details: { ...result!.details, ...overrides },
  });
}

/** The replacement for SSH_WORLD from 198.51.100.0/24 as a request with key abcdef12… plans it. */
const PLANNED = {
  ruleId: '',
  groupId: 'sg-0abc',
  isEgress: false,
  ipProtocol: 'tcp',
  fromPort: 22,
  toPort: 22,
  cidrIpv4: '198.51.100.0/24',
  description: 'admin access [awscheck:abcdef12]',
};

function standardGroup() {
  return fakeSecurityGroups(aws, [SSH_WORLD, HTTPS_WORLD, SSH_OFFICE, EGRESS_ALL], {
    interfaces: [{ instanceId: 'i-online' }, { instanceId: 'i-offline' }, { type: 'network_load_balancer' }],
    online: ['i-online'],
  });
}

describe('preview', () => {
  it('reads the rule, the instances behind the group and their Session Manager status live, and dry-runs the revoke', async () => {
    standardGroup();
    const preview = await fix.preview(sshFinding(), fixContext());
    expect(preview.alreadyFixed).toBe(false);
    expect(preview.current).toEqual(SSH_WORLD_SCANNED);
    expect(preview.lines[0]).toContain('Revoke rule sgr-ssh of sg-0abc (web): tcp/22 from 0.0.0.0/0 ("admin access")');
    expect(preview.lines[0]).toContain('3 other rules stay');
    expect(preview.lines.join('\n')).toContain('i-online: online in Session Manager');
    expect(preview.lines.join('\n')).toContain('i-offline: not online in Session Manager (not managed by Systems Manager)');
    expect(preview.dryRun).toEqual({ ok: true });
    expect(sentCommands(aws, 'DescribeNetworkInterfacesCommand')[0]).toMatchObject({ Filters: [{ Name: 'group-id', Values: ['sg-0abc'] }] });
    expect(sentCommands(aws, 'DescribeInstanceInformationCommand')[0]).toMatchObject({
      Filters: [{ Key: 'InstanceIds', Values: ['i-offline', 'i-online'] }],
    });
    expect(sentCommands(aws, 'RevokeSecurityGroupIngressCommand')).toEqual([
      { GroupId: 'sg-0abc', SecurityGroupRuleIds: ['sgr-ssh'], DryRun: true },
    ]);
  });

  it('warns that admins of an instance not online in Session Manager may be locked out, and recommends fixing SSM first', async () => {
    standardGroup();
    const { warnings } = await fix.preview(sshFinding(), fixContext());
    const lockOut = warnings.find((w) => w.includes('lock the admins of'));
    expect(lockOut).toContain('i-offline');
    expect(lockOut).not.toContain('i-online');
    expect(lockOut).toContain('Fix Session Manager for them first');
    expect(warnings.some((w) => w.includes('1 other network interface uses this group too (network_load_balancer); it loses this access as well.'))).toBe(true);
  });

  it('does not warn about lock-out when every instance is online in Session Manager', async () => {
    fakeSecurityGroups(aws, [SSH_WORLD], { interfaces: [{ instanceId: 'i-online' }], online: ['i-online'] });
    const { warnings } = await fix.preview(sshFinding(), fixContext());
    expect(warnings).toEqual([]);
  });

  it('shows a dry run refused for lack of permission before anyone approves', async () => {
    const fake = standardGroup();
    fake.dryRunError = awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.');
    const preview = await fix.preview(sshFinding(), fixContext());
    expect(preview.dryRun?.ok).toBe(false);
    expect(preview.dryRun?.error).toContain('UnauthorizedOperation');
    expect(preview.warnings.some((w) => w.startsWith('Dry run failed') && w.includes('UnauthorizedOperation'))).toBe(true);
  });

  it('includes the replacement source in the plan and its dry run', async () => {
    standardGroup();
    const preview = await fix.preview(sshFinding(), fixContext(), { replacementCidr: '198.51.100.0/24' });
    expect(preview.lines.join('\n')).toContain('First authorise tcp/22 from 198.51.100.0/24 ("admin access")');
    expect(sentCommands(aws, 'AuthorizeSecurityGroupIngressCommand')).toEqual([
      {
        GroupId: 'sg-0abc',
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '198.51.100.0/24', Description: 'admin access' }] }],
        DryRun: true,
      },
    ]);
  });

  it('lists instances without Session Manager talk for a rule that is not SSH or RDP', async () => {
    fakeSecurityGroups(aws, [rule('sgr-mysql', { FromPort: 3306, ToPort: 3306, CidrIpv4: '0.0.0.0/0' })], {
      interfaces: [{ instanceId: 'i-db' }],
    });
    const preview = await fix.preview(
      finding({
        checkId: 'ec2.sg-insecure-service-open',
        resourceId: 'sg-0abc',
        details: { groupId: 'sg-0abc', ruleId: 'sgr-mysql', ipProtocol: 'tcp', fromPort: 3306, toPort: 3306, cidr: '0.0.0.0/0' },
      }),
      fixContext(),
    );
    expect(preview.lines.join('\n')).toContain('Instances using this group: i-db.');
    expect(preview.warnings).toEqual([]);
  });

  it('speaks Japanese when configured', async () => {
    standardGroup();
    const preview = await fix.preview(sshFinding(), fixContext({ locale: 'ja' }));
    expect(preview.lines[0]).toContain('のルール sgr-ssh');
    expect(preview.warnings.join('\n')).toContain('Session Manager でオンラインではありません');
  });

  it('says so, without a dry run, when the rule is already gone', async () => {
    fakeSecurityGroups(aws, [HTTPS_WORLD]);
    const preview = await fix.preview(sshFinding(), fixContext());
    expect(preview).toMatchObject({ alreadyFixed: true, current: null });
    expect(preview.lines[0]).toContain('already removed');
    expect(sentCommands(aws, 'RevokeSecurityGroupIngressCommand')).toEqual([]);
  });
});

describe('apply and undo', () => {
  it('revokes only the world-open rule by its id; its siblings, even with the same port, remain', async () => {
    const fake = standardGroup();
    const outcome = await fix.apply(sshFinding(), {}, fixContext());
    expect(sentCommands(aws, 'RevokeSecurityGroupIngressCommand')).toEqual([{ GroupId: 'sg-0abc', SecurityGroupRuleIds: ['sgr-ssh'] }]);
    expect(sentCommands(aws, 'AuthorizeSecurityGroupIngressCommand')).toEqual([]);
    expect(fake.rules.map((r) => r.SecurityGroupRuleId)).toEqual(['sgr-https', 'sgr-office', 'sgr-out']);
    expect(outcome.status).toBe('applied');
    expect(outcome.verified).toBe(true);
    expect(outcome.before).toMatchObject({ ruleId: 'sgr-ssh', cidrIpv4: '0.0.0.0/0', description: 'admin access' });
    expect(outcome.after).toEqual({ revokedRuleId: 'sgr-ssh' });
    expect(outcome.requestIds).toEqual(['req-revoke-ingress-sgr-ssh']);
    expect(outcome.message).toContain('Revoked rule sgr-ssh');
  });

  it("tells admins their way in through Session Manager, for each instance that is online there", async () => {
    standardGroup();
    const outcome = await fix.apply(sshFinding(), {}, fixContext());
    expect(outcome.accessHints).toEqual([
      'i-online: `aws ssm start-session --target i-online --region eu-west-1` https://eu-west-1.console.aws.amazon.com/systems-manager/session-manager/i-online?region=eu-west-1',
    ]);
    expect(outcome.message).toContain('admins get in through Session Manager');
    expect(outcome.message).toContain('i-offline not online in Session Manager');
  });

  it('undo re-authorises the identical rule: same protocol, ports, CIDR and description', async () => {
    const fake = standardGroup();
    const ctx = fixContext();
    const f = sshFinding();
    const applied = await fix.apply(f, {}, ctx);
    const undone = await undoApplied(fix, f, applied, ctx);
    expect(sentCommands(aws, 'AuthorizeSecurityGroupIngressCommand')).toEqual([
      {
        GroupId: 'sg-0abc',
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'admin access' }] }],
      },
    ]);
    expect(undone.status).toBe('undone');
    expect(undone.message).toContain('as rule sgr-new1');
    expect(fake.rules.find((r) => r.SecurityGroupRuleId === 'sgr-new1')).toMatchObject({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      CidrIpv4: '0.0.0.0/0',
      Description: 'admin access',
    });
    expect(fake.rules).toHaveLength(4);
  });

  it('undo works from a record that went through JSON storage', async () => {
    standardGroup();
    const ctx = fixContext();
    const f = sshFinding();
    const applied = await fix.apply(f, {}, ctx);
    const stored = JSON.parse(JSON.stringify({ fixId: fix.id, finding: f, inputs: {}, before: applied.before, after: applied.after, requestIds: [] }));
    await expect(fix.undo(stored, ctx)).resolves.toMatchObject({ status: 'undone' });
  });

  it('puts an IPv6 rule back as an IPv6 range', async () => {
    const fake = fakeSecurityGroups(aws, [rule('sgr-v6', { FromPort: 3389, ToPort: 3389, CidrIpv6: '::/0' })]);
    const ctx = fixContext();
    const f = finding({
      checkId: 'ec2.sg-admin-port-ipv6',
      resourceId: 'sg-0abc',
      details: { groupId: 'sg-0abc', ruleId: 'sgr-v6', ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, cidr: '::/0' },
    });
    const applied = await fix.apply(f, {}, ctx);
    expect(fake.rules).toEqual([]);
    await undoApplied(fix, f, applied, ctx);
    expect(sentCommands(aws, 'AuthorizeSecurityGroupIngressCommand')[0]).toEqual({
      GroupId: 'sg-0abc',
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }],
    });
  });

  it.each([
    ['already removed', [HTTPS_WORLD, SSH_OFFICE], 'Rule sgr-ssh is no longer in sg-0abc (web): it was already removed. Nothing was changed.', null],
    [
      'changed since the scan (it says to scan again)',
      [rule('sgr-ssh', { FromPort: 22, ToPort: 23, CidrIpv4: '0.0.0.0/0' })],
      'Rule sgr-ssh of sg-0abc (web) has changed since the scan (now tcp/22-23 from 0.0.0.0/0). Nothing was changed; scan again and request a fix for the rule as it is now.',
      { ruleId: 'sgr-ssh', toPort: 23 },
    ],
    [
      'narrowed since the scan (already fixed)',
      [rule('sgr-ssh', { FromPort: 22, ToPort: 22, CidrIpv4: '10.0.0.0/8' })],
      'Rule sgr-ssh of sg-0abc (web) no longer admits the whole internet (now tcp/22 from 10.0.0.0/8): already fixed. Nothing was changed.',
      { ruleId: 'sgr-ssh', cidrIpv4: '10.0.0.0/8' },
    ],
  ])('a rule %s: no write call, and an honest message', async (_case, rules, message, before) => {
    fakeSecurityGroups(aws, rules);
    const outcome = await fix.apply(sshFinding(), {}, fixContext());
    expect(outcome).toMatchObject({ status: 'no-change', requestIds: [], message, before });
    expect(writesSent(aws)).toEqual([]);
  });

  it('with a replacement source, authorises it (original description) before revoking, and undo removes it again', async () => {
    const fake = standardGroup();
    const ctx = fixContext();
    const f = sshFinding();
    const applied = await fix.apply(f, { replacementCidr: '198.51.100.0/24' }, ctx);
    const order = writesSent(aws).map((c) => c.command);
    expect(order).toEqual(['AuthorizeSecurityGroupIngressCommand', 'RevokeSecurityGroupIngressCommand']);
    expect(sentCommands(aws, 'AuthorizeSecurityGroupIngressCommand')[0]).toEqual({
      GroupId: 'sg-0abc',
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '198.51.100.0/24', Description: 'admin access' }] }],
    });
    expect(applied.after).toEqual({ revokedRuleId: 'sgr-ssh', replacementRuleId: 'sgr-new1' });
    expect(applied.requestIds).toEqual(['req-authorize-sgr-new1', 'req-revoke-ingress-sgr-ssh']);
    expect(applied.message).toContain('tcp/22 from 198.51.100.0/24 ("admin access") is allowed (rule sgr-new1)');

    aws.reset();
    fake.rules = fake.rules.slice();
    fakeSecurityGroups(aws, fake.rules, { interfaces: [], online: [] });
    const undone = await undoApplied(fix, f, applied, ctx, { replacementCidr: '198.51.100.0/24' });
    expect(undone.status).toBe('undone');
    expect(undone.message).toContain('Removed the replacement rule sgr-new1');
    expect(sentCommands(aws, 'RevokeSecurityGroupIngressCommand')).toEqual([{ GroupId: 'sg-0abc', SecurityGroupRuleIds: ['sgr-new1'] }]);
  });

  it('leaves nothing half-done: a revoke that fails takes the new replacement rule away again', async () => {
    const fake = standardGroup();
    fake.failNextRevoke = awsError('UnauthorizedOperation', 'not authorized to revoke');
    await expect(fix.apply(sshFinding(), { replacementCidr: '198.51.100.0/24' }, fixContext())).rejects.toThrow('not authorized to revoke');
    expect(fake.rules.map((r) => r.SecurityGroupRuleId)).toEqual(['sgr-ssh', 'sgr-https', 'sgr-office', 'sgr-out']);
  });

  it('does not claim a replacement rule that already existed, so undo leaves it alone', async () => {
    standardGroup();
    const applied = await fix.apply(sshFinding(), { replacementCidr: '203.0.113.0/24' }, fixContext());
    expect(applied.after).toEqual({ revokedRuleId: 'sgr-ssh' });
    expect(sentCommands(aws, 'AuthorizeSecurityGroupIngressCommand')).toEqual([]);
  });

  it('reports an unverified change honestly when the read-back still shows the rule', async () => {
    standardGroup();
    // AWS accepts the revoke, but the describe calls keep answering with the old list.
    aws.ec2.on(RevokeSecurityGroupIngressCommand).resolves({ Return: true, $metadata: { requestId: 'req-accepted' } });
    let waits = 0;
    const outcome = await fix.apply(sshFinding(), {}, { ...fixContext(), sleep: async () => void waits++ });
    expect(waits).toBe(3);
    expect(outcome.status).toBe('applied');
    expect(outcome.verified).toBe(false);
    expect(outcome.message).toContain('did not show it on read-back yet');
  });
});

describe('reconcile', () => {
  it("says 'changed' when the rule is gone", async () => {
    fakeSecurityGroups(aws, [HTTPS_WORLD]);
    const result = await fix.reconcile(sshFinding(), {}, fixContext());
    expect(result.state).toBe('changed');
    expect(result.current).toEqual({ revokedRuleId: 'sgr-ssh' });
    expect(writesSent(aws)).toEqual([]);
  });

  it("says 'unchanged' when the rule is still there, and never re-applies", async () => {
    standardGroup();
    const result = await fix.reconcile(sshFinding(), {}, fixContext());
    expect(result.state).toBe('unchanged');
    expect(result.message).toContain('the fix was not applied');
    expect(writesSent(aws)).toEqual([]);
  });

  it('never adopts a look-alike: without a journal, a rule for the replacement source is not awscheck\'s', async () => {
    fakeSecurityGroups(aws, [HTTPS_WORLD, rule('sgr-customer', { FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.0/24', Description: 'admin access' })]);
    const result = await fix.reconcile(sshFinding(), { replacementCidr: '198.51.100.0/24' }, fixContext());
    expect(result).toMatchObject({ state: 'changed', current: { revokedRuleId: 'sgr-ssh' } });
    expect(result.current).not.toHaveProperty('replacementRuleId');
  });

  it('finds the replacement the journal recorded, so undo can remove it, and reports the recorded request ids', async () => {
    fakeSecurityGroups(aws, [HTTPS_WORLD, rule('sgr-repl', { FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.0/24', Description: 'admin access [awscheck:abcdef12]' })]);
    const { journal } = recordingJournal(aws, { replacement: PLANNED, replacementRuleId: 'sgr-repl', requestIds: ['req-auth', 'req-revoke'] });
    const result = await fix.reconcile(sshFinding(), { replacementCidr: '198.51.100.0/24' }, { ...fixContext(), journal });
    expect(result).toMatchObject({ state: 'changed', current: { revokedRuleId: 'sgr-ssh', replacementRuleId: 'sgr-repl' }, requestIds: ['req-auth', 'req-revoke'] });
  });

  it('after a crash between authorise and revoke, rolls back only the tagged rule it added; a customer rule stays', async () => {
    const customer = rule('sgr-customer', { FromPort: 22, ToPort: 22, CidrIpv6: '2001:db8::/48', Description: 'admin access' });
    const ours = rule('sgr-ours', { FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.0/24', Description: 'admin access [awscheck:abcdef12]' });
    const fake = fakeSecurityGroups(aws, [SSH_WORLD, customer, ours]);
    // The intent was recorded, the authorise went through, the process died before recording the rule id.
    const { journal } = recordingJournal(aws, { replacement: PLANNED, requestIds: [] });
    const result = await fix.reconcile(sshFinding(), { replacementCidr: '198.51.100.0/24' }, { ...fixContext(), journal });
    expect(result.state).toBe('unchanged');
    expect(result.message).toContain('sgr-ours awscheck had added for it was removed again');
    expect(sentCommands(aws, 'RevokeSecurityGroupIngressCommand')).toEqual([{ GroupId: 'sg-0abc', SecurityGroupRuleIds: ['sgr-ours'] }]);
    expect(fake.rules.map((r) => r.SecurityGroupRuleId)).toEqual(['sgr-ssh', 'sgr-customer']);
  });

  it('rolls back nothing when the journal planned a replacement that never reached AWS', async () => {
    const lookalike = rule('sgr-customer', { FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.0/24', Description: 'admin access' });
    fakeSecurityGroups(aws, [SSH_WORLD, lookalike]);
    const { journal } = recordingJournal(aws, { replacement: PLANNED, requestIds: [] });
    const result = await fix.reconcile(sshFinding(), { replacementCidr: '198.51.100.0/24' }, { ...fixContext(), journal });
    expect(result.state).toBe('unchanged');
    expect(sentCommands(aws, 'RevokeSecurityGroupIngressCommand')).toEqual([]);
  });
});

describe('journal', () => {
  it('records the tagged replacement before authorising it, then its id, then the revoke\'s request id', async () => {
    standardGroup();
    const { journal, log } = recordingJournal(aws);
    const applied = await fix.apply(sshFinding(), { replacementCidr: '198.51.100.0/24' }, { ...fixContext(), journal });
    expect(log).toEqual([
      { writesBefore: 0, entries: { replacement: PLANNED, requestIds: [] } },
      { writesBefore: 1, entries: { replacement: PLANNED, replacementRuleId: 'sgr-new1', requestIds: ['req-authorize-sgr-new1'] } },
      { writesBefore: 2, entries: { replacement: PLANNED, replacementRuleId: 'sgr-new1', requestIds: ['req-authorize-sgr-new1', 'req-revoke-ingress-sgr-ssh'] } },
    ]);
    expect(sentCommands(aws, 'AuthorizeSecurityGroupIngressCommand')[0]).toMatchObject({ IpPermissions: [{ IpRanges: [{ CidrIp: '198.51.100.0/24', Description: 'admin access [awscheck:abcdef12]' }] }] });
    expect(applied.after).toEqual({ revokedRuleId: 'sgr-ssh', replacementRuleId: 'sgr-new1' });
  });

  it('records no replacement when the customer already has that rule, so reconcile and undo leave it alone', async () => {
    const fake = standardGroup();
    const { journal, log } = recordingJournal(aws);
    const applied = await fix.apply(sshFinding(), { replacementCidr: '203.0.113.0/24' }, { ...fixContext(), journal });
    expect(applied.after).toEqual({ revokedRuleId: 'sgr-ssh' });
    expect(log.map((l) => l.entries)).toEqual([{ requestIds: [] }, { requestIds: ['req-revoke-ingress-sgr-ssh'] }]);
    // A restart now: reconcile with that journal does not adopt sgr-office.
    const result = await fix.reconcile(sshFinding(), { replacementCidr: '203.0.113.0/24' }, { ...fixContext(), journal });
    expect(result.current).toEqual({ revokedRuleId: 'sgr-ssh' });
    const undone = await undoApplied(fix, sshFinding(), { ...applied, after: result.current }, fixContext(), { replacementCidr: '203.0.113.0/24' });
    expect(undone.status).toBe('undone');
    expect(fake.rules.some((r) => r.SecurityGroupRuleId === 'sgr-office')).toBe(true);
  });

  it('stops before any write when the journal cannot be recorded (the lease was lost)', async () => {
    standardGroup();
    const journal = { key: 'abcdef12-0000', entries: undefined, record: () => Promise.reject(new Error('lease lost')) };
    await expect(fix.apply(sshFinding(), { replacementCidr: '198.51.100.0/24' }, { ...fixContext(), journal })).rejects.toThrow('lease lost');
    expect(writesSent(aws)).toEqual([]);
  });
});

describe('inputs', () => {
  it('normalises a replacement CIDR to the form AWS keeps', () => {
    expect(normaliseCidr('203.0.113.7/24')).toEqual({ cidr: '203.0.113.0/24' });
    expect(normaliseCidr(' 198.51.100.9 ')).toEqual({ cidr: '198.51.100.9/32' });
    expect(normaliseCidr('2001:DB8:0:0::1/48')).toEqual({ cidr: '2001:db8::/48' });
    expect(normaliseCidr('2001:db8::1')).toEqual({ cidr: '2001:db8::1/128' });
  });

  it('refuses the whole internet and what is not a CIDR, in both languages', () => {
    for (const raw of ['0.0.0.0/0', '::/0', '10.1.2.3/0']) {
      const result = validateInputs(fix, { replacementCidr: raw });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.en).toContain('is the whole internet');
        expect(result.error.ja).toContain('インターネット全体');
      }
    }
    expect(validateInputs(fix, { replacementCidr: 'office' })).toEqual({
      ok: false,
      error: {
        en: '"office" is not a CIDR; enter one such as 203.0.113.0/24 or 2001:db8::/48',
        ja: '"office" は CIDR ではありません。203.0.113.0/24 や 2001:db8::/48 のように入力してください',
      },
    });
    for (const raw of ['office', '10.0.0/8', '300.1.1.1/32', '10.0.0.0/33', 'fe80::1%eth0/64']) {
      const result = validateInputs(fix, { replacementCidr: raw });
      expect(result.ok, raw).toBe(false);
    }
    expect(validateInputs(fix, { replacementCidr: '', extra: 1 }).ok).toBe(false);
  });

  it('accepts no replacement at all', () => {
    expect(validateInputs(fix, {})).toEqual({ ok: true, inputs: {} });
    expect(validateInputs(fix, { replacementCidr: '  ' })).toEqual({ ok: true, inputs: {} });
  });

  it('re-validates inputs on apply, since they come back from storage', async () => {
    standardGroup();
    await expect(fix.apply(sshFinding(), { replacementCidr: '0.0.0.0/0' }, fixContext())).rejects.toBeInstanceOf(FixError);
    expect(aws.sent()).toEqual([]);
  });
});

describe('guards', () => {
  it('refuses a session that is not for remediation, another account, or a passing finding, before calling AWS', async () => {
    standardGroup();
    await expect(fix.apply(sshFinding(), {}, fixContext({ purpose: 'scan' }))).rejects.toThrow('remediation session');
    await expect(fix.apply(sshFinding(), {}, fixContext({ accountId: '210987654321' }))).rejects.toThrow('but the session is for account');
    await expect(fix.apply({ ...sshFinding(), status: 'PASS' }, {}, fixContext())).rejects.toThrow('Only a failing finding');
    await expect(fix.apply({ ...sshFinding(), checkId: 'ec2.vpc-flow-logs' }, {}, fixContext())).rejects.toThrow('cannot fix');
    expect(aws.sent()).toEqual([]);
  });

  it('refuses a finding without the rule details', async () => {
    expect(fix.supports?.(finding({ checkId: 'ec2.sg-admin-port-ipv4', resourceId: 'sg-0abc' }))).toBe(false);
    await expect(fix.preview(finding({ checkId: 'ec2.sg-admin-port-ipv4', resourceId: 'sg-0abc' }), fixContext())).rejects.toBeInstanceOf(FixError);
  });
});
