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
import type { Localized } from '../../../src/i18n/locale.ts';
import {
  combineDryRuns,
  defineFix,
  dryRunWarning,
  type FixContext,
  FixError,
  fixSpeaker,
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
  sessionManagerReach,
} from '../lib/fix-client.ts';
import { isWorldCidr, protocolName } from '../lib/ports.ts';
import { fixWords } from '../../lib/words.ts';
import en from './world-open-rule.words.en.json' with { type: 'json' };
import ja from './world-open-rule.words.ja.json' with { type: 'json' };

const FIX_ID = 'ec2.revoke-world-open-rule';
const words = fixWords(en, ja);

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

function findingRule(finding: CheckResult, ctx: FixContext): FindingRule {
  const parsed = findingSchema.safeParse(finding.details);
  if (!parsed.success) throw new FixError(ctx.localized('noRuleDetails', { resource: finding.resourceId }));
  return parsed.data;
}

function groupText(rule: FindingRule): string {
  return rule.groupName ? `${rule.groupId} (${rule.groupName})` : rule.groupId;
}

export interface ReplacementInputs {
  /** The narrower source that may keep reaching the same ports, e.g. the office's 203.0.113.0/24. */
  replacementCidr?: string;
}

/**
 * Inputs are checked when the modal is submitted, before any step runs and so without a FixContext: their
 * refusals are this fix's own sentences, in both languages.
 */
const inputsSpeaker = fixSpeaker(FIX_ID, words, 'en');

/** A CIDR in AWS's canonical form (network address, compact IPv6); a bare address counts as /32 or /128. */
export function normaliseCidr(raw: string, ctx: Pick<FixContext, 'localized'> = inputsSpeaker): { cidr: string } | { error: Localized } {
  const text = raw.trim();
  const invalid = ctx.localized('notCidr', { text });
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
  if (isWorldCidr(normal)) return { error: ctx.localized('wholeInternet', { cidr: normal }) };
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
  const about = { ruleId: wanted.ruleId, group: groupText(wanted) };
  if (live.state === 'gone') return ctx.say('ruleGone', about);
  const now = { ...about, rule: ruleText(live.rule, ctx) };
  return live.state === 'closed' ? ctx.say('ruleClosed', now) : ctx.say('ruleChanged', now);
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
  id: FIX_ID,
  checkIds: ['ec2.sg-admin-port-ipv4', 'ec2.sg-admin-port-ipv6', 'ec2.sg-all-ports-open', 'ec2.sg-insecure-service-open'],
  words,
  actions: {
    read: ['ec2:DescribeSecurityGroupRules', 'ec2:DescribeNetworkInterfaces', 'ssm:DescribeInstanceInformation'],
    write: ['ec2:RevokeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupIngress'],
  },
  inputs: inputsSchema,
  supports: (finding) => findingSchema.safeParse(finding.details).success,

  async preview(finding, ctx, inputs) {
    const wanted = findingRule(finding, ctx);
    const region = finding.region;
    const rules = await readGroupRules(ctx, region, wanted.groupId);
    const live = judge(rules, wanted);
    if (live.state !== 'open') {
      return nothingToPreview(live.rule ?? null, nothingToDo(live, wanted, ctx));
    }
    const { rule } = live;
    const group = groupText(wanted);
    const lines = [ctx.say('plan', { ruleId: rule.ruleId, group, rule: ruleText(rule, ctx), count: live.siblings })];
    const replacement = inputs?.replacementCidr ? replacementFor(rule, inputs.replacementCidr) : undefined;
    if (replacement) {
      const exists = rules.some((r) => sameRule(r, replacement));
      const source = { rule: ruleText(replacement, ctx) };
      lines.push(exists ? ctx.say('replacementExists', source) : ctx.say('replacementFirst', source));
    }
    const admin = reachesAdminPort(rule);
    const users = groupUsersText(await groupUsers(ctx, region, wanted.groupId), admin, ctx);
    lines.push(...users.lines);
    const dryRuns = [await tryDryRun(() => revokeRules(ctx, region, wanted.groupId, 'ingress', [rule.ruleId], { dryRun: true }))];
    if (replacement && !rules.some((r) => sameRule(r, replacement))) {
      dryRuns.push(await tryDryRun(() => authorizeRule(ctx, region, replacement, { dryRun: true })));
    }
    const dryRun = combineDryRuns(dryRuns);
    lines.push(ctx.say('undoPlan'));
    return { lines, warnings: [...users.warnings, ...dryRunWarning(dryRun, ctx)], dryRun, current: rule, alreadyFixed: false };
  },

  async apply(finding, inputs, ctx) {
    const wanted = findingRule(finding, ctx);
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
    // Sentences of one message follow each other after a space, in both languages.
    const message = [ctx.say('applied', { ruleId: rule.ruleId, rule: ruleText(rule, ctx), group: groupText(wanted) })];
    if (replacement) {
      const source = ruleText(replacement, ctx);
      message.push(
        replacementRuleId ? ctx.say('replacementAdded', { rule: source, ruleId: replacementRuleId }) : ctx.say('replacementKept', { rule: source }),
      );
    }
    const outcome: FixOutcome = {
      status: 'applied',
      before: rule,
      after,
      requestIds: ids,
      message: message.join(' ') + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
    if (!reachesAdminPort(rule)) return outcome;
    const { online, offline } = sessionManagerReach(await groupUsers(ctx, region, wanted.groupId));
    if (online.length > 0) {
      outcome.message += ` ${ctx.say('sessionManagerNow')}`;
      outcome.accessHints = online.map((id) => sessionManagerHint(id, region));
    }
    if (offline.length > 0) outcome.message += ` ${ctx.say('offlineAfter', { instances: offline.join(', ') })}`;
    return outcome;
  },

  async undo(applied, ctx) {
    const before = ruleSnapshotSchema.safeParse(applied.before);
    const after = afterSchema.safeParse(applied.after);
    if (!before.success || !after.success) {
      throw new FixError(ctx.localized('nothingToUndo'));
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
        message: ctx.say('alreadyAllowed', { rule: ruleText(rule, ctx), group: rule.groupId }),
        verified: true,
      };
    }
    const check = await readBack(
      ctx,
      () => readGroupRules(ctx, region, rule.groupId),
      (now) => now.some((r) => sameRule(r, rule)) && !now.some((r) => r.ruleId === replacementId),
    );
    const restoredId = check.value.find((r) => sameRule(r, rule))?.ruleId ?? restored?.ruleId;
    const putBack = { rule: ruleText(rule, ctx), group: rule.groupId };
    const message = [restoredId ? ctx.say('undoneAs', { ...putBack, ruleId: restoredId }) : ctx.say('undone', putBack)];
    if (replacementLeft) message.push(ctx.say('replacementRemoved', { ruleId: replacementId }));
    return {
      status: 'undone',
      before: undoBefore,
      after: { rule: check.value.find((r) => sameRule(r, rule)) ?? restored ?? null },
      requestIds: ids,
      message: message.join(' ') + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
  },

  async reconcile(finding, _inputs, ctx) {
    const wanted = findingRule(finding, ctx);
    const journal = readJournal(ctx);
    const rules = await readGroupRules(ctx, finding.region, wanted.groupId);
    const rule = rules.find((r) => r.ruleId === wanted.ruleId);
    // Only the replacement the journal recorded is awscheck's; a look-alike is the customer's and is left alone.
    const ours = ourReplacement(rules, journal);
    const requestIds = [...(journal?.requestIds ?? [])];
    const about = { ruleId: wanted.ruleId, group: groupText(wanted) };
    if (rule) {
      // The revoke never happened: roll back the replacement added for it, so nothing is left half-done.
      if (ours) {
        try {
          const id = await revokeRules(ctx, finding.region, wanted.groupId, 'ingress', [ours.ruleId]);
          if (id) requestIds.push(id);
        } catch (err) {
          if (!alreadyGone(err)) throw err;
        }
      }
      return {
        state: 'unchanged',
        current: rule,
        requestIds,
        message: ours ? ctx.say('reconciledRolledBack', { ...about, replacementId: ours.ruleId }) : ctx.say('reconciledNotApplied', about),
      };
    }
    const current: After = { revokedRuleId: wanted.ruleId, ...(ours ? { replacementRuleId: ours.ruleId } : {}) };
    return {
      state: 'changed',
      current,
      requestIds,
      message: ctx.say('reconciledApplied', about),
    };
  },
});
