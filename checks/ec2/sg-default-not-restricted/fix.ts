// Empties a VPC's default security group (every inbound and outbound rule, each revoked by id), so nothing
// launched without a group of its own gets traffic by accident. Undo authorises each rule again, exactly.
import { plural } from '../../../src/i18n/locale.ts';
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
  type Ec2IdKind,
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

/** The group: details.groupId when the check gives it, else the resource id. */
const GROUP: Ec2IdKind = { detailsKey: 'groupId', pattern: /^sg-[0-9a-f]+$/, name: { en: 'a security group id', ja: 'セキュリティグループ ID' } };

/** Only ever empties a group AWS calls `default`: a wrong id in a finding must never strip a working group. */
async function assertDefaultGroup(ctx: FixContext, region: string, groupId: string): Promise<boolean> {
  try {
    const answer = await ec2Client(ctx, region).send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }));
    const group = answer.SecurityGroups?.[0];
    if (!group) return false;
    if (group.GroupName !== 'default') {
      throw new FixError({
        en: `${groupId} is "${group.GroupName ?? '?'}", not a VPC's default group; this fix only empties default groups`,
        ja: `${groupId} は "${group.GroupName ?? '?'}" であり、VPC のデフォルトグループではありません。この修正はデフォルトグループのみを対象とします`,
      });
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
  return noLongerExists({ en: `Security group ${groupId}`, ja: `セキュリティグループ ${groupId}` }, ctx);
}

function emptyMessage(groupId: string, ctx: FixContext): string {
  return ctx.text({
    en: `Default security group ${groupId} already has no rules. Nothing was changed.`,
    ja: `デフォルトセキュリティグループ ${groupId} にはすでにルールがありません。何も変更していません。`,
  });
}

export const defaultGroupRulesFix = defineFix({
  id: 'ec2.empty-default-security-group',
  checkIds: ['ec2.sg-default-not-restricted'],
  title: {
    en: "Remove every rule from the VPC's default security group",
    ja: 'VPC のデフォルトセキュリティグループからすべてのルールを削除する',
  },
  actions: {
    read: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules', 'ec2:DescribeNetworkInterfaces', 'ssm:DescribeInstanceInformation'],
    write: [
      'ec2:RevokeSecurityGroupIngress',
      'ec2:RevokeSecurityGroupEgress',
      'ec2:AuthorizeSecurityGroupIngress',
      'ec2:AuthorizeSecurityGroupEgress',
    ],
  },
  supports: (finding) => ec2IdOf(finding, GROUP) !== undefined,

  async preview(finding, ctx) {
    const groupId = requireEc2Id(finding, GROUP);
    const region = finding.region;
    if (!(await assertDefaultGroup(ctx, region, groupId))) {
      return nothingToPreview(null, goneMessage(groupId, ctx));
    }
    const rules = await readGroupRules(ctx, region, groupId);
    const current: GroupState = { groupId, rules };
    if (rules.length === 0) return nothingToPreview(current, emptyMessage(groupId, ctx));
    const lines = [
      ctx.text({
        en: `Revoke ${plural('en', rules.length, { one: 'the only rule', other: `all ${rules.length} rules` })} of default security group ${groupId}:`,
        ja: `デフォルトセキュリティグループ ${groupId} のルール ${rules.length} 個をすべて取り消します:`,
      }),
      ...rules.map((r) => `• ${r.ruleId}: ${r.isEgress ? ctx.text({ en: 'outbound', ja: '送信' }) : ctx.text({ en: 'inbound', ja: '受信' })} ${ruleText(r, ctx)}`),
    ];
    const users = groupUsersText(await groupUsers(ctx, region, groupId), false, ctx);
    lines.push(...users.lines);
    const warnings = [...users.warnings];
    const { ingress, egress } = byDirection(rules);
    const dryRuns: DryRunResult[] = [];
    if (ingress.length > 0) dryRuns.push(await tryDryRun(() => revokeRules(ctx, region, groupId, 'ingress', ingress, { dryRun: true })));
    if (egress.length > 0) dryRuns.push(await tryDryRun(() => revokeRules(ctx, region, groupId, 'egress', egress, { dryRun: true })));
    const dryRun = combineDryRuns(dryRuns);
    warnings.unshift(
      ctx.text({
        en: 'Anything using this group loses the traffic these rules allowed (usually all outbound traffic and traffic between members). Move such resources to a purpose-made group first.',
        ja: 'このグループを使うリソースは、これらのルールが許可していた通信 (通常はすべての送信通信とメンバー間の通信) を失います。先にそのようなリソースを専用のグループに移してください。',
      }),
    );
    lines.push(
      ctx.text({
        en: 'Undo authorises each rule again exactly as it was.',
        ja: '取り消し (Undo) では、各ルールを元どおりに再び許可します。',
      }),
    );
    return { lines, warnings: [...warnings, ...dryRunWarning(dryRun, ctx)], dryRun, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const groupId = requireEc2Id(finding, GROUP);
    const region = finding.region;
    if (!(await assertDefaultGroup(ctx, region, groupId))) return noChange(null, goneMessage(groupId, ctx));
    const rules = await readGroupRules(ctx, region, groupId);
    const before: GroupState = { groupId, rules };
    if (rules.length === 0) return noChange(before, emptyMessage(groupId, ctx));
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
      message:
        ctx.text({
          en: `Revoked all ${rules.length} rule(s) of default security group ${groupId}.`,
          ja: `デフォルトセキュリティグループ ${groupId} のルール ${rules.length} 個をすべて取り消しました。`,
        }) + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
  },

  async undo(applied, ctx) {
    const parsed = stateSchema.safeParse(applied.before);
    if (!parsed.success || parsed.data.rules.length === 0) {
      throw new FixError({
        en: 'This record has no removed rules to put back (the fix changed nothing)',
        ja: 'この記録には元に戻すべき削除済みルールがありません (修正では何も変更していません)',
      });
    }
    const { groupId, rules } = parsed.data;
    const region = applied.finding.region;
    const now = await readGroupRules(ctx, region, groupId);
    const missing = rules.filter((r) => !now.some((n) => sameRule(n, r)));
    if (missing.length === 0) {
      return noChange(
        { groupId, rules: now },
        ctx.text({
          en: `All ${rules.length} rule(s) are already back in ${groupId}. Nothing was changed.`,
          ja: `${groupId} にはすでに ${rules.length} 個のルールがすべて戻っています。何も変更していません。`,
        }),
      );
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
      message:
        ctx.text({
          en: `Put back ${missing.length} rule(s) in default security group ${groupId}.`,
          ja: `デフォルトセキュリティグループ ${groupId} に ${missing.length} 個のルールを戻しました。`,
        }) + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
  },

  async reconcile(finding, _inputs, ctx) {
    const groupId = requireEc2Id(finding, GROUP);
    const rules = await readGroupRules(ctx, finding.region, groupId);
    return reconciled(rules.length === 0, { groupId, rules }, {
      applied: ctx.text({
        en: `Default security group ${groupId} has no rules: the fix was applied before the interruption.`,
        ja: `デフォルトセキュリティグループ ${groupId} にルールがありません。中断の前に修正は適用されていました。`,
      }),
      notApplied: ctx.text({
        en: `Default security group ${groupId} still has ${rules.length} rule(s): the fix was not applied.`,
        ja: `デフォルトセキュリティグループ ${groupId} にはまだ ${rules.length} 個のルールがあります。修正は適用されていません。`,
      }),
    });
  },
});
