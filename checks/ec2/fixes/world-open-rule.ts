// Closes one world-open inbound rule by its rule id and nothing else: sibling rules of the group, even ones
// with overlapping ports, are never touched. Optionally opens the same ports to a narrower source first, so
// a team can move from "anyone" to "the office" in one approved step. Undo authorises the identical rule.
//
// Authorise-then-revoke is two writes, so the fix keeps a journal (FixContext.journal): the exact replacement
// rule, its description tagged with the request, is recorded before it is authorised, and its rule id after.
// Reconcile and undo act only on that recorded rule, never on a look-alike (a customer's own rule for the
// same source stays theirs). After a crash between the two writes, reconcile ROLLS BACK: the world-open rule
// is still there, so the replacement awscheck added is revoked and the request ends failed, to be asked for
// again; finishing instead would make the approved write long after anyone watched it.
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { describeAwsError, hasErrorCode } from '../../../src/aws/errors.ts';
import type { CheckResult } from '../../../src/engine/types.ts';
import { count, type Localized } from '../../../src/i18n/locale.ts';
import {
  combineDryRuns,
  defineFix,
  dryRunWarning,
  type FixContext,
  FixError,
  type FixOutcome,
  readBack,
  tryDryRun,
  unverifiedNote,
} from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview } from '../../../src/remediation/fix-steps.ts';
import {
  authorizeRule,
  groupUsers,
  groupUsersText,
  reachesAdminPort,
  readGroupRules,
  revokeRules,
  type RuleSnapshot,
  ruleSnapshotSchema,
  ruleText,
  sameRule,
  sessionManagerHint,
} from '../lib/fix-client.ts';
import { isWorldCidr, protocolName } from '../lib/ports.ts';

/** What the world-open rule checks put in a FAIL result's details (see lib/world-open-rules.ts). */
const findingSchema = z.object({
  groupId: z.string().min(1),
  groupName: z.string().optional(),
  ruleId: z.string().min(1),
  ipProtocol: z.string().min(1),
  fromPort: z.number().optional(),
  toPort: z.number().optional(),
  cidr: z.string().min(1),
});
type FindingRule = z.infer<typeof findingSchema>;

function findingRule(finding: CheckResult): FindingRule {
  const parsed = findingSchema.safeParse(finding.details);
  if (!parsed.success) {
    throw new FixError({
      en: `The finding for ${finding.resourceId} does not say which rule to close (details.groupId, ruleId, ipProtocol, cidr)`,
      ja: `${finding.resourceId} の検出結果に、閉じるルールの情報 (details.groupId、ruleId、ipProtocol、cidr) がありません`,
    });
  }
  return parsed.data;
}

function groupText(rule: FindingRule): string {
  return rule.groupName ? `${rule.groupId} (${rule.groupName})` : rule.groupId;
}

export interface ReplacementInputs {
  /** The narrower source that may keep reaching the same ports, e.g. the office's 203.0.113.0/24. */
  replacementCidr?: string;
}

/** A CIDR in AWS's canonical form (network address, compact IPv6); a bare address counts as /32 or /128. */
export function normaliseCidr(raw: string): { cidr: string } | { error: Localized } {
  const text = raw.trim();
  const invalid: Localized = {
    en: `"${text}" is not a CIDR; enter one such as 203.0.113.0/24 or 2001:db8::/48`,
    ja: `"${text}" は CIDR ではありません。203.0.113.0/24 や 2001:db8::/48 のように入力してください`,
  };
  if (text.includes('%')) return { error: invalid };
  let cidr = text;
  if (!text.includes('/')) {
    if (ipaddr.IPv4.isValidFourPartDecimal(text)) cidr = `${text}/32`;
    else if (ipaddr.IPv6.isValid(text)) cidr = `${text}/128`;
  }
  let normal: string;
  if (ipaddr.IPv4.isValidCIDRFourPartDecimal(cidr)) {
    const [, prefix] = ipaddr.IPv4.parseCIDR(cidr);
    normal = `${ipaddr.IPv4.networkAddressFromCIDR(cidr).toString()}/${prefix}`;
  } else if (ipaddr.IPv6.isValidCIDR(cidr)) {
    const [, prefix] = ipaddr.IPv6.parseCIDR(cidr);
    normal = `${ipaddr.IPv6.networkAddressFromCIDR(cidr).toRFC5952String()}/${prefix}`;
  } else {
    return { error: invalid };
  }
  if (isWorldCidr(normal)) {
    return {
      error: {
        en: `${normal} is the whole internet; enter a narrower source such as your office's range`,
        ja: `${normal} はインターネット全体です。オフィスの IP 範囲など、より狭い送信元を入力してください`,
      },
    };
  }
  return { cidr: normal };
}

// 64 characters hold any CIDR; the bound stops a crafted modal submission from storing a novel.
const inputsSchema = z.strictObject({ replacementCidr: z.string().max(64).optional() }).transform((value, zod): ReplacementInputs => {
  const raw = value.replacementCidr?.trim();
  if (!raw) return {};
  const result = normaliseCidr(raw);
  if ('error' in result) {
    zod.addIssue({ code: 'custom', path: ['replacementCidr'], message: result.error.en, params: { ja: result.error.ja } });
    return z.NEVER;
  }
  return { replacementCidr: result.cidr };
});

type Live =
  | { state: 'open'; rule: RuleSnapshot; siblings: number }
  | { state: 'gone'; rule?: undefined }
  | { state: 'closed' | 'changed'; rule: RuleSnapshot };

/** The rule as AWS shows it now, judged against the finding it was approved for. */
function judge(rules: readonly RuleSnapshot[], wanted: FindingRule): Live {
  const rule = rules.find((r) => r.ruleId === wanted.ruleId);
  if (!rule) return { state: 'gone' };
  const source = rule.cidrIpv4 ?? rule.cidrIpv6;
  if (!source || !isWorldCidr(source)) return { state: 'closed', rule };
  const same =
    protocolName(rule.ipProtocol) === protocolName(wanted.ipProtocol) &&
    (rule.fromPort ?? -1) === (wanted.fromPort ?? -1) &&
    (rule.toPort ?? -1) === (wanted.toPort ?? -1) &&
    source === wanted.cidr;
  if (!same) return { state: 'changed', rule };
  return { state: 'open', rule, siblings: rules.filter((r) => r.ruleId !== rule.ruleId).length };
}

function nothingToDo(live: Exclude<Live, { state: 'open' }>, wanted: FindingRule, ctx: FixContext): string {
  const id = wanted.ruleId;
  const group = groupText(wanted);
  if (live.state === 'gone') {
    return ctx.text({
      en: `Rule ${id} is no longer in ${group}: it was already removed. Nothing was changed.`,
      ja: `ルール ${id} は ${group} にもうありません。すでに削除されています。何も変更していません。`,
    });
  }
  const now = ruleText(live.rule, ctx);
  if (live.state === 'closed') {
    return ctx.text({
      en: `Rule ${id} of ${group} no longer admits the whole internet (now ${now}): already fixed. Nothing was changed.`,
      ja: `${group} のルール ${id} はもうインターネット全体を許可していません (現在: ${now})。修正済みです。何も変更していません。`,
    });
  }
  return ctx.text({
    en: `Rule ${id} of ${group} has changed since the scan (now ${now}). Nothing was changed; scan again and request a fix for the rule as it is now.`,
    ja: `${group} のルール ${id} はスキャン後に変更されています (現在: ${now})。何も変更していません。再スキャンして、現在のルールに対して修正を依頼してください。`,
  });
}

/** The rule that keeps the same ports open to the narrower source, with the original description. */
function replacementFor(rule: RuleSnapshot, cidr: string): RuleSnapshot {
  const family = cidr.includes(':') ? { cidrIpv6: cidr } : { cidrIpv4: cidr };
  return {
    ruleId: '',
    groupId: rule.groupId,
    isEgress: false,
    ipProtocol: rule.ipProtocol,
    ...(rule.fromPort === undefined ? {} : { fromPort: rule.fromPort }),
    ...(rule.toPort === undefined ? {} : { toPort: rule.toPort }),
    ...family,
    ...(rule.description === undefined ? {} : { description: rule.description }),
  };
}

/** What apply changed besides removing the rule: the replacement it added, if any (undo removes it). */
const afterSchema = z.object({ revokedRuleId: z.string(), replacementRuleId: z.string().optional() });
type After = z.infer<typeof afterSchema>;

/** The journal of one apply: what it is about to add (recorded before the write), what it added, its request ids. */
const journalSchema = z.object({
  replacement: ruleSnapshotSchema.optional(),
  replacementRuleId: z.string().optional(),
  requestIds: z.array(z.string()).default([]),
});
type Journal = z.infer<typeof journalSchema>;

function readJournal(ctx: FixContext): Journal | undefined {
  const parsed = journalSchema.safeParse(ctx.journal?.entries);
  return parsed.success ? parsed.data : undefined;
}

/** AWS keeps at most 255 characters of a rule description. */
const MAX_DESCRIPTION = 255;

/** The replacement with the request's tag in its description: no rule awscheck did not add carries it. */
function tagged(rule: RuleSnapshot, key: string): RuleSnapshot {
  const tag = `[awscheck:${key.slice(0, 8)}]`;
  const kept = (rule.description ?? '').slice(0, MAX_DESCRIPTION - tag.length - 1).trimEnd();
  return { ...rule, description: kept ? `${kept} ${tag}` : tag };
}

/** The replacement this request added, as AWS shows it now: by its recorded id, else by its exact tagged rule. */
function ourReplacement(rules: readonly RuleSnapshot[], journal: Journal | undefined): RuleSnapshot | undefined {
  const planned = journal?.replacement;
  if (!planned) return undefined;
  if (journal.replacementRuleId) return rules.find((r) => r.ruleId === journal.replacementRuleId);
  return rules.find((r) => sameRule(r, planned) && r.description === planned.description);
}

/** A rule already revoked (by an earlier attempt) is what a rollback wants anyway. */
function alreadyGone(err: unknown): boolean {
  return hasErrorCode(err, 'InvalidSecurityGroupRuleId.NotFound') || hasErrorCode(err, 'InvalidPermission.NotFound');
}

export const worldOpenRuleFix = defineFix<ReplacementInputs>({
  id: 'ec2.revoke-world-open-rule',
  checkIds: ['ec2.sg-admin-port-ipv4', 'ec2.sg-admin-port-ipv6', 'ec2.sg-all-ports-open', 'ec2.sg-insecure-service-open'],
  title: {
    en: 'Close only this world-open security group rule',
    ja: 'インターネット全体に開いたこのセキュリティグループルールだけを閉じる',
  },
  actions: {
    read: ['ec2:DescribeSecurityGroupRules', 'ec2:DescribeNetworkInterfaces', 'ssm:DescribeInstanceInformation'],
    write: ['ec2:RevokeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupIngress'],
  },
  inputs: inputsSchema,
  supports: (finding) => findingSchema.safeParse(finding.details).success,

  async preview(finding, ctx, inputs) {
    const wanted = findingRule(finding);
    const region = finding.region;
    const rules = await readGroupRules(ctx, region, wanted.groupId);
    const live = judge(rules, wanted);
    if (live.state !== 'open') {
      return nothingToPreview(live.rule ?? null, nothingToDo(live, wanted, ctx));
    }
    const { rule } = live;
    const group = groupText(wanted);
    const lines = [
      ctx.text({
        en: `Revoke rule ${rule.ruleId} of ${group}: ${ruleText(rule, ctx)}. Only this rule is removed; the group's ${count('en', live.siblings, { one: 'other rule stays', other: 'other rules stay' })} as they are.`,
        ja: `${group} のルール ${rule.ruleId} (${ruleText(rule, ctx)}) を取り消します。削除するのはこのルールだけで、グループの他の ${live.siblings} 個のルールはそのまま残ります。`,
      }),
    ];
    const replacement = inputs?.replacementCidr ? replacementFor(rule, inputs.replacementCidr) : undefined;
    if (replacement) {
      const exists = rules.some((r) => sameRule(r, replacement));
      lines.push(
        exists
          ? ctx.text({
              en: `A rule for ${ruleText(replacement, ctx)} already exists and stays, so that source keeps its access.`,
              ja: `${ruleText(replacement, ctx)} のルールはすでにあり、そのまま残るため、この送信元からのアクセスは維持されます。`,
            })
          : ctx.text({
              en: `First authorise ${ruleText(replacement, ctx)} (same ports and description, tagged [awscheck:…] so awscheck only ever removes the rule it added), so that source keeps its access.`,
              ja: `先に ${ruleText(replacement, ctx)} (同じポートと説明。awscheck が追加したルールだけを削除できるよう [awscheck:…] のタグを付けます) を許可し、この送信元からのアクセスを維持します。`,
            }),
      );
    }
    const admin = reachesAdminPort(rule);
    const users = groupUsersText(await groupUsers(ctx, region, wanted.groupId), admin, ctx);
    lines.push(...users.lines);
    const dryRuns = [await tryDryRun(() => revokeRules(ctx, region, wanted.groupId, 'ingress', [rule.ruleId], { dryRun: true }))];
    if (replacement && !rules.some((r) => sameRule(r, replacement))) {
      dryRuns.push(await tryDryRun(() => authorizeRule(ctx, region, replacement, { dryRun: true })));
    }
    const dryRun = combineDryRuns(dryRuns);
    lines.push(
      ctx.text({
        en: 'Undo authorises the identical rule again (same protocol, ports, source and description).',
        ja: '取り消し (Undo) では、まったく同じルール (同じプロトコル、ポート、送信元、説明) を再び許可します。',
      }),
    );
    return { lines, warnings: [...users.warnings, ...dryRunWarning(dryRun, ctx)], dryRun, current: rule, alreadyFixed: false };
  },

  async apply(finding, inputs, ctx) {
    const wanted = findingRule(finding);
    const region = finding.region;
    const rules = await readGroupRules(ctx, region, wanted.groupId);
    const live = judge(rules, wanted);
    if (live.state !== 'open') return noChange(live.rule ?? null, nothingToDo(live, wanted, ctx));
    const { rule } = live;
    const ids: string[] = [];
    let replacementRuleId: string | undefined;
    let journal: Journal = { requestIds: [] };
    const replacement = inputs.replacementCidr ? replacementFor(rule, inputs.replacementCidr) : undefined;
    // An existing rule for the same source (the customer's) is never ours: nothing is added, undo leaves it.
    if (replacement && !rules.some((r) => sameRule(r, replacement))) {
      const planned = ctx.journal ? tagged(replacement, ctx.journal.key) : replacement;
      journal = { replacement: planned, requestIds: [] };
      // Intent first: a crash after the authorise still leaves a record of the rule to look for.
      await ctx.journal?.record(journal);
      try {
        const added = await authorizeRule(ctx, region, planned);
        replacementRuleId = added.rule?.ruleId;
        if (added.requestId) ids.push(added.requestId);
        journal = { ...journal, ...(replacementRuleId ? { replacementRuleId } : {}), requestIds: [...ids] };
      } catch (err) {
        // Someone added the same rule meanwhile: it is theirs, so undo must leave it alone.
        if (!hasErrorCode(err, 'InvalidPermission.Duplicate')) throw err;
        journal = { requestIds: [] };
      }
      await ctx.journal?.record(journal);
    } else {
      // Nothing to add: the journal still says a write is coming, so reconcile knows awscheck wrote.
      await ctx.journal?.record(journal);
    }
    try {
      const id = await revokeRules(ctx, region, wanted.groupId, 'ingress', [rule.ruleId]);
      if (id) ids.push(id);
    } catch (err) {
      // Leave nothing half-done: the replacement goes again if the rule it replaces could not be closed.
      if (replacementRuleId) {
        try {
          await revokeRules(ctx, region, wanted.groupId, 'ingress', [replacementRuleId]);
        } catch (cleanup) {
          throw new Error(`${describeAwsError(err)}; the replacement rule ${replacementRuleId} could not be removed either (${describeAwsError(cleanup)})`);
        }
      }
      throw err;
    }
    // The revoke's request id survives a crash from here on (reconcile reports it).
    if (ctx.journal) await ctx.journal.record({ ...journal, requestIds: [...ids] });
    const check = await readBack(
      ctx,
      () => readGroupRules(ctx, region, wanted.groupId),
      (now) => !now.some((r) => r.ruleId === rule.ruleId),
    );
    const after: After = { revokedRuleId: rule.ruleId, ...(replacementRuleId ? { replacementRuleId } : {}) };
    const group = groupText(wanted);
    let message = ctx.text({
      en: `Revoked rule ${rule.ruleId} (${ruleText(rule, ctx)}) of ${group}; its other rules are unchanged.`,
      ja: `${group} のルール ${rule.ruleId} (${ruleText(rule, ctx)}) を取り消しました。他のルールは変更していません。`,
    });
    if (replacement) {
      message += ctx.text({
        en: ` ${ruleText(replacement, ctx)} is allowed${replacementRuleId ? ` (rule ${replacementRuleId})` : ' by an existing rule'}.`,
        ja: ` ${ruleText(replacement, ctx)} は${replacementRuleId ? `ルール ${replacementRuleId} で` : '既存のルールで'}許可されています。`,
      });
    }
    const outcome: FixOutcome = {
      status: 'applied',
      before: rule,
      after,
      requestIds: ids,
      message: message + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
    if (!reachesAdminPort(rule)) return outcome;
    const users = await groupUsers(ctx, region, wanted.groupId);
    const online = users.instances.filter((i) => i.ssmPing === 'Online').map((i) => i.instanceId);
    const offline = users.instances.filter((i) => i.ssmPing !== 'Online').map((i) => i.instanceId);
    if (online.length > 0) {
      outcome.message += ctx.text({
        en: ' From now on, admins get in through Session Manager:',
        ja: ' 今後、管理者は Session Manager でアクセスします:',
      });
      outcome.accessHints = online.map((id) => sessionManagerHint(id, region));
    }
    if (offline.length > 0) {
      outcome.message += ctx.text({
        en: ` ${offline.join(', ')} not online in Session Manager: set it up to reach them without SSH/RDP.`,
        ja: ` ${offline.join(', ')} は Session Manager でオンラインではありません。SSH/RDP なしでアクセスするには Session Manager を設定してください。`,
      });
    }
    return outcome;
  },

  async undo(applied, ctx) {
    const before = ruleSnapshotSchema.safeParse(applied.before);
    const after = afterSchema.safeParse(applied.after);
    if (!before.success || !after.success) {
      throw new FixError({
        en: 'This record has no removed rule to put back (the fix changed nothing)',
        ja: 'この記録には元に戻すべき削除済みルールがありません (修正では何も変更していません)',
      });
    }
    const rule = before.data;
    const region = applied.finding.region;
    const rules = await readGroupRules(ctx, region, rule.groupId);
    const ids: string[] = [];
    let restored = rules.find((r) => sameRule(r, rule));
    if (!restored) {
      const added = await authorizeRule(ctx, region, rule);
      restored = added.rule;
      if (added.requestId) ids.push(added.requestId);
    }
    const replacementId = after.data.replacementRuleId;
    const replacementLeft = replacementId !== undefined && rules.some((r) => r.ruleId === replacementId);
    // The original goes back first, so the replacement's source is never locked out in between.
    if (replacementLeft) {
      const id = await revokeRules(ctx, region, rule.groupId, 'ingress', [replacementId]);
      if (id) ids.push(id);
    }
    const undoBefore = { rule: null, replacementRuleId: replacementLeft ? replacementId : null };
    if (ids.length === 0) {
      return {
        status: 'no-change',
        before: undoBefore,
        after: { rule: restored ?? null },
        requestIds: [],
        message: ctx.text({
          en: `${ruleText(rule, ctx)} is already allowed in ${rule.groupId} and no replacement rule is left. Nothing was changed.`,
          ja: `${rule.groupId} ではすでに ${ruleText(rule, ctx)} が許可されており、代わりのルールも残っていません。何も変更していません。`,
        }),
        verified: true,
      };
    }
    const check = await readBack(
      ctx,
      () => readGroupRules(ctx, region, rule.groupId),
      (now) => now.some((r) => sameRule(r, rule)) && !now.some((r) => r.ruleId === replacementId),
    );
    const restoredId = check.value.find((r) => sameRule(r, rule))?.ruleId ?? restored?.ruleId;
    let message = ctx.text({
      en: `Put back ${ruleText(rule, ctx)} in ${rule.groupId}${restoredId ? ` as rule ${restoredId}` : ''}.`,
      ja: `${rule.groupId} に ${ruleText(rule, ctx)} を戻しました${restoredId ? ` (ルール ${restoredId})` : ''}。`,
    });
    if (replacementLeft) {
      message += ctx.text({
        en: ` Removed the replacement rule ${replacementId}.`,
        ja: ` 代わりに追加したルール ${replacementId} を削除しました。`,
      });
    }
    return {
      status: 'undone',
      before: undoBefore,
      after: { rule: check.value.find((r) => sameRule(r, rule)) ?? restored ?? null },
      requestIds: ids,
      message: message + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
  },

  async reconcile(finding, _inputs, ctx) {
    const wanted = findingRule(finding);
    const journal = readJournal(ctx);
    const rules = await readGroupRules(ctx, finding.region, wanted.groupId);
    const rule = rules.find((r) => r.ruleId === wanted.ruleId);
    // Only the replacement the journal recorded is awscheck's; a look-alike is the customer's and is left alone.
    const ours = ourReplacement(rules, journal);
    const requestIds = [...(journal?.requestIds ?? [])];
    if (rule) {
      // The revoke never happened: roll back the replacement added for it, so nothing is left half-done.
      let rolledBack = false;
      if (ours) {
        try {
          const id = await revokeRules(ctx, finding.region, wanted.groupId, 'ingress', [ours.ruleId]);
          if (id) requestIds.push(id);
        } catch (err) {
          if (!alreadyGone(err)) throw err;
        }
        rolledBack = true;
      }
      return {
        state: 'unchanged',
        current: rule,
        requestIds,
        message: ctx.text({
          en: `Rule ${wanted.ruleId} is still in ${groupText(wanted)}: the fix was not applied.${rolledBack ? ` The replacement rule ${ours?.ruleId ?? ''} awscheck had added for it was removed again.` : ''}`,
          ja: `ルール ${wanted.ruleId} は ${groupText(wanted)} にまだあります。修正は適用されていません。${rolledBack ? `awscheck が代わりに追加したルール ${ours?.ruleId ?? ''} は削除しました。` : ''}`,
        }),
      };
    }
    const current: After = { revokedRuleId: wanted.ruleId, ...(ours ? { replacementRuleId: ours.ruleId } : {}) };
    return {
      state: 'changed',
      current,
      requestIds,
      message: ctx.text({
        en: `Rule ${wanted.ruleId} is gone from ${groupText(wanted)}: the fix was applied before the interruption.`,
        ja: `ルール ${wanted.ruleId} は ${groupText(wanted)} からなくなっています。中断の前に修正は適用されていました。`,
      }),
    };
  },
});
