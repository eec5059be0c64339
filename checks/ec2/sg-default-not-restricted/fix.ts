// Empties a VPC's default security group (every inbound and outbound rule, each revoked by id), so nothing
// launched without a group of its own gets traffic by accident. Undo authorises each rule again, exactly.
import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { hasErrorCode, describeAwsError } from '../../../src/aws/errors.ts';
import {
  combineDryRuns,
  defineFix,
  type DryRunResult,
  type FixContext,
  FixError,
  dryRunWarning,
  readBack,
  tryDryRun,
  unverifiedNote,
} from '../../../src/remediation/fix.ts';
import { noChange, noLongerExists, nothingToPreview, reconciled } from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';
import {
  authorizeRule,
  ec2Client,
  ec2IdOf,
  GROUP_ID,
  groupUsers,
  groupUsersText,
  readGroupRules,
  requireEc2Id,
  revokeRules,
  type RuleSnapshot,
  ruleSnapshotSchema,
  ruleText,
  sameRule,
} from '../lib/fix-client.ts';
import { fixWords } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

/** Only ever empties a group AWS calls `default`: a wrong id in a finding must never strip a working group. */
async function assertDefaultGroup(ctx: FixContext, region: string, groupId: string): Promise<boolean> {
  try {
    const answer = await ec2Client(ctx, region).send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }));
    const group = answer.SecurityGroups?.[0];
    if (!group) return false;
    if (group.GroupName !== 'default') {
      throw new FixError(ctx.localized('notDefault', { group: groupId, name: group.GroupName ?? '?' }));
    }
    return true;
  } catch (err) {
    if (hasErrorCode(err, 'InvalidGroup.NotFound', 'InvalidGroupId.Malformed')) return false;
    throw err;
  }
}

const stateSchema = z.object({ groupId: z.string(), rules: z.array(ruleSnapshotSchema) });
type GroupState = z.infer<typeof stateSchema>;

function byDirection(rules: readonly RuleSnapshot[]): { ingress: string[]; egress: string[] } {
  return {
    ingress: rules.filter((r) => !r.isEgress).map((r) => r.ruleId),
    egress: rules.filter((r) => r.isEgress).map((r) => r.ruleId),
  };
}

function goneMessage(groupId: string, ctx: FixContext): string {
  return noLongerExists(ctx.localized('group', { group: groupId }), ctx);
}

export const defaultGroupRulesFix = defineFix({
  id: 'ec2.empty-default-security-group',
  checkIds: ['ec2.sg-default-not-restricted'],
  words: fixWords(en, ja),
  actions: {
    read: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules', 'ec2:DescribeNetworkInterfaces', 'ssm:DescribeInstanceInformation'],
    write: [
      'ec2:RevokeSecurityGroupIngress',
      'ec2:RevokeSecurityGroupEgress',
      'ec2:AuthorizeSecurityGroupIngress',
      'ec2:AuthorizeSecurityGroupEgress',
    ],
  },
  supports: (finding) => ec2IdOf(finding, GROUP_ID) !== undefined,

  async preview(finding, ctx) {
    const groupId = requireEc2Id(finding, GROUP_ID, ctx);
    const region = finding.region;
    if (!(await assertDefaultGroup(ctx, region, groupId))) {
      return nothingToPreview(null, goneMessage(groupId, ctx));
    }
    const rules = await readGroupRules(ctx, region, groupId);
    const current: GroupState = { groupId, rules };
    if (rules.length === 0) return nothingToPreview(current, ctx.say('alreadyEmpty', { group: groupId }));
    const lines = [
      ctx.say('plan', { group: groupId, count: rules.length }),
      ...rules.map((r) => {
        const words = { ruleId: r.ruleId, rule: ruleText(r, ctx) };
        return r.isEgress ? ctx.say('outboundRule', words) : ctx.say('inboundRule', words);
      }),
    ];
    const users = groupUsersText(await groupUsers(ctx, region, groupId), false, ctx);
    lines.push(...users.lines);
    const warnings = [...users.warnings];
    const { ingress, egress } = byDirection(rules);
    const dryRuns: DryRunResult[] = [];
    if (ingress.length > 0) dryRuns.push(await tryDryRun(() => revokeRules(ctx, region, groupId, 'ingress', ingress, { dryRun: true })));
    if (egress.length > 0) dryRuns.push(await tryDryRun(() => revokeRules(ctx, region, groupId, 'egress', egress, { dryRun: true })));
    const dryRun = combineDryRuns(dryRuns);
    warnings.unshift(ctx.say('losesTraffic'));
    lines.push(ctx.say('undoPlan'));
    return { lines, warnings: [...warnings, ...dryRunWarning(dryRun, ctx)], dryRun, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const groupId = requireEc2Id(finding, GROUP_ID, ctx);
    const region = finding.region;
    if (!(await assertDefaultGroup(ctx, region, groupId))) return noChange(null, goneMessage(groupId, ctx));
    const rules = await readGroupRules(ctx, region, groupId);
    const before: GroupState = { groupId, rules };
    if (rules.length === 0) return noChange(before, ctx.say('alreadyEmpty', { group: groupId }));
    const { ingress, egress } = byDirection(rules);
    const ids: string[] = [];
    // Journal before the first write: undo then puts back exactly these rules, not an older reading.
    await ctx.journal?.record({ before });
    if (ingress.length > 0) {
      const id = await revokeRules(ctx, region, groupId, 'ingress', ingress);
      if (id) ids.push(id);
    }
    if (egress.length > 0) {
      try {
        const id = await revokeRules(ctx, region, groupId, 'egress', egress);
        if (id) ids.push(id);
      } catch (err) {
        // All or nothing: put the inbound rules back rather than leave the group half emptied.
        const rollback = rules.filter((r) => !r.isEgress);
        try {
          for (const rule of rollback) await authorizeRule(ctx, region, rule);
        } catch (again) {
          throw new Error(`${describeAwsError(err)}; putting the inbound rules back failed too (${describeAwsError(again)})`);
        }
        throw err;
      }
    }
    const check = await readBack(ctx, () => readGroupRules(ctx, region, groupId), (now) => now.length === 0);
    return {
      status: 'applied',
      before,
      after: { groupId, rules: check.value },
      requestIds: ids,
      message: ctx.say('applied', { group: groupId, count: rules.length }) + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
  },

  async undo(applied, ctx) {
    const parsed = stateSchema.safeParse(applied.before);
    if (!parsed.success || parsed.data.rules.length === 0) {
      throw new FixError(ctx.localized('nothingToUndo'));
    }
    const { groupId, rules } = parsed.data;
    const region = applied.finding.region;
    const now = await readGroupRules(ctx, region, groupId);
    const missing = rules.filter((r) => !now.some((n) => sameRule(n, r)));
    if (missing.length === 0) {
      return noChange({ groupId, rules: now }, ctx.say('alreadyBack', { group: groupId, count: rules.length }));
    }
    const ids: string[] = [];
    // One call per rule: a rule someone re-added meanwhile must not make the others fail as a duplicate.
    for (const rule of missing) {
      try {
        const added = await authorizeRule(ctx, region, rule);
        if (added.requestId) ids.push(added.requestId);
      } catch (err) {
        if (!hasErrorCode(err, 'InvalidPermission.Duplicate')) throw err;
      }
    }
    const check = await readBack(
      ctx,
      () => readGroupRules(ctx, region, groupId),
      (after) => rules.every((r) => after.some((a) => sameRule(a, r))),
    );
    return {
      status: 'undone',
      before: { groupId, rules: now },
      after: { groupId, rules: check.value },
      requestIds: ids,
      message: ctx.say('undone', { group: groupId, count: missing.length }) + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
  },

  async reconcile(finding, _inputs, ctx) {
    const groupId = requireEc2Id(finding, GROUP_ID, ctx);
    const rules = await readGroupRules(ctx, finding.region, groupId);
    return reconciled(rules.length === 0, { groupId, rules }, {
      applied: ctx.say('reconciledApplied', { group: groupId }),
      notApplied: ctx.say('reconciledNotApplied', { group: groupId, count: rules.length }),
    });
  },
});
