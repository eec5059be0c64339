// What a fix is: declarations a machine can read (the checks it serves, the IAM actions it calls, the inputs
// it takes) and the four steps the approval flow drives. Fixes are the only code that writes to AWS.
import { setTimeout as delay } from 'node:timers/promises';
import type { ZodType } from 'zod';
import type { AwsSession } from '../aws/session.ts';
import { hasErrorCode, describeAwsError } from '../aws/errors.ts';
import { type CheckResult, type Clock, systemClock } from '../engine/types.ts';
import { type Locale, type Localized, t } from '../i18n/locale.ts';
import { formatMessage, type MessageParams, registerWords } from '../i18n/message.ts';

/**
 * Where a fix runs. There is no region here on purpose: a resource lives in one place, so every fix takes
 * the region from the finding itself (account-wide calls go to the session's home region).
 */
export interface FixContext {
  /** From createSession(account, 'remediate', …): the remediation role's clients. */
  session: AwsSession;
  clock: Clock;
  locale: Locale;
  /** An app-wide pair (src/remediation's own catalogues) in the configured language. */
  text(message: Localized): string;
  /**
   * A sentence of the fix's words (the `fix` section of its words files) in the configured language:
   * `name` is the fix's own, `service:name` a service's (checks/<service>/lib/words), `common:name` checks/lib's.
   * Only a fix's own steps (through defineFix) can say its own sentences.
   */
  say(name: string, params?: MessageParams): string;
  /** The same sentence in both languages: for a refusal (FixError) read later, by a reader not known yet. */
  localized(name: string, params?: MessageParams): Localized;
  /** Waits between read-backs while AWS's eventually consistent APIs catch up; tests pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The request's journal (FixRequest.journal): fixes that make more than one write record what they are
   * about to create before creating it, and what they created after, so reconcile and undo act on awscheck's
   * own writes only. Absent outside the approval flow (tests of one fix), where nothing is recorded.
   */
  journal?: FixJournal;
}

export interface FixJournal {
  /** Unique per fix request: a fix may tag what it creates with it (a rule description), to find it after a crash. */
  readonly key: string;
  /** What was recorded so far; undefined when nothing was. */
  readonly entries: unknown;
  /**
   * Stores `entries` (the whole journal, replacing the previous one) before the fix goes on. Throws when this
   * process may no longer write for the request (its lease was lost): the fix must then stop.
   */
  record(entries: unknown): Promise<void>;
}

export interface DryRunResult {
  ok: boolean;
  /** Why AWS would refuse the write (e.g. UnauthorizedOperation), in AWS's words. */
  error?: string;
}

export interface FixPreview {
  /** The plan in words, with its impact, from state read live from AWS. */
  lines: string[];
  warnings: string[];
  /** The EC2 writes tried with DryRun; undefined for services that have no dry run (IAM, S3, SSM). */
  dryRun?: DryRunResult;
  /**
   * The resource as read now, in the same shape as FixOutcome.before: a record that start-up reconciles to
   * "applied" after a crash keeps this as its before-state, so it can still be undone.
   */
  current: unknown;
  /** Apply would change nothing: the finding is already fixed, or the resource changed since (lines say which). */
  alreadyFixed: boolean;
}

export type FixStatus = 'applied' | 'no-change' | 'undone';

export interface FixOutcome {
  status: FixStatus;
  before: unknown;
  after: unknown;
  /** $metadata.requestId of every write, for the audit trail and for AWS Support. */
  requestIds: string[];
  message: string;
  /** False when AWS accepted the write but had not shown it on read-back yet (eventual consistency). */
  verified: boolean;
  /** How admins get in from now on, e.g. a Session Manager command per instance after closing SSH. */
  accessHints?: string[];
}

/** What the store keeps of an applied fix; undo gets it back (possibly from JSON, so fixes re-validate it). */
export interface AppliedFix<I = unknown> {
  fixId: string;
  finding: CheckResult;
  inputs: I;
  before: unknown;
  after: unknown;
  requestIds: string[];
  /** The request's journal as apply left it (FixContext.journal). */
  journal?: unknown;
}

/** After a crash in "applying": what AWS shows now. Never re-applies. */
export interface Reconciliation {
  state: 'changed' | 'unchanged';
  /** When changed: the after-state to record, shaped as FixOutcome.after. When unchanged: the resource as read now. */
  current: unknown;
  message: string;
  /** Writes reconcile made itself (rolling back a half-done apply), or that the journal says apply made. */
  requestIds?: string[];
}

export interface FixActions {
  /** Reads for preview, the re-read before writing and the read-back after it. */
  read: readonly string[];
  /** Every write, including those only tried with DryRun. */
  write: readonly string[];
}

export type NoInputs = Record<string, never>;

export interface FixDefinition<I = NoInputs> {
  id: string;
  /** The checks whose FAIL findings this fix resolves. */
  checkIds: readonly string[];
  /** From its words: `fix.title`. */
  title: Localized;
  /** Its sentences by language (a words file's `fix` section), said through ctx.say. */
  words: FixWords;
  actions: FixActions;
  /** What a person may enter (a modal); apply re-validates, because inputs come back from storage. */
  inputs?: ZodType<I>;
  /** False for findings of a served check that this fix cannot handle (e.g. an unused password). */
  supports?(finding: CheckResult): boolean;
  /** inputs, when already known, make the plan and the dry run include them. */
  preview(finding: CheckResult, ctx: FixContext, inputs?: I): Promise<FixPreview>;
  apply(finding: CheckResult, inputs: I, ctx: FixContext): Promise<FixOutcome>;
  undo(applied: AppliedFix<I>, ctx: FixContext): Promise<FixOutcome>;
  reconcile(finding: CheckResult, inputs: I, ctx: FixContext): Promise<Reconciliation>;
}

/** A fix's sentences in each language, with `{{param}}` placeholders and `_one`/`_other` plural forms. */
export interface FixWords {
  en: Readonly<Record<string, string>> & { title: string };
  ja: Readonly<Record<string, string>> & { title: string };
}

// Inputs are contravariant in apply and covariant in the schema, so a list of mixed fixes needs `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFix = FixDefinition<any>;

/** A refusal a person should read, in both languages (the Error message is the English one). */
export class FixError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
    this.name = 'FixError';
  }
}

/** The text of an error for the outcome message: ours in the reader's language, AWS's as AWS wrote it. */
export function describeFixError(err: unknown, locale: Locale): string {
  return err instanceof FixError ? t(locale, err.localized) : describeAwsError(err);
}

function guard(fix: FixDefinition<unknown>, finding: CheckResult, ctx: FixContext): void {
  if (ctx.session.purpose !== 'remediate') {
    throw new FixError({
      en: 'Fixes run only with a remediation session (createSession(account, "remediate", …))',
      ja: '修正はリメディエーション用のセッション (createSession(account, "remediate", …)) でのみ実行できます',
    });
  }
  if (finding.status !== 'FAIL' && finding.status !== 'MUTED') {
    throw new FixError({
      en: `Only a failing finding can be fixed; this one is ${finding.status}`,
      ja: `修正できるのは不合格 (FAIL) の検出結果だけです。この検出結果は ${finding.status} です`,
    });
  }
  if (finding.accountId !== ctx.session.accountId) {
    throw new FixError({
      en: `The finding is in account ${finding.accountId}, but the session is for account ${ctx.session.accountId}`,
      ja: `この検出結果はアカウント ${finding.accountId} のものですが、セッションはアカウント ${ctx.session.accountId} のものです`,
    });
  }
  if (!fix.checkIds.includes(finding.checkId) || (fix.supports && !fix.supports(finding))) {
    throw new FixError({
      en: `${fix.id} cannot fix this ${finding.checkId} finding`,
      ja: `${fix.id} はこの ${finding.checkId} の検出結果を修正できません`,
    });
  }
}

function parseInputs<I>(fix: FixDefinition<I>, raw: unknown): I {
  if (!fix.inputs) return {} as I;
  const parsed = fix.inputs.safeParse(raw ?? {});
  if (!parsed.success) throw new FixError(inputsError(parsed.error.issues));
  return parsed.data;
}

interface InputIssue {
  message: string;
  path: readonly PropertyKey[];
  params?: Record<string, unknown>;
}

/** Our custom issues carry their Japanese text in params.ja; zod's own (English-only) ones get a generic pair. */
function inputsError(issues: readonly InputIssue[]): Localized {
  const parts = issues.map((issue): Localized => {
    const ja = issue.params?.ja;
    if (typeof ja === 'string') return { en: issue.message, ja };
    const field = issue.path.map(String).join('.') || 'inputs';
    return { en: `${field}: not a valid value`, ja: `${field}: 値が正しくありません` };
  });
  return { en: parts.map((p) => p.en).join('; '), ja: parts.map((p) => p.ja).join('。') };
}

/** Validates what a person entered; the modal shows `error` in the reader's language. */
export function validateInputs<I>(
  fix: FixDefinition<I>,
  raw: unknown,
): { ok: true; inputs: I } | { ok: false; error: Localized } {
  try {
    return { ok: true, inputs: parseInputs(fix, raw) };
  } catch (err) {
    if (err instanceof FixError) return { ok: false, error: err.localized };
    throw err;
  }
}

// The title comes from the words; a spread of a defined fix (tests) may carry its old one along.
type FixSpec<I> = Omit<FixDefinition<I>, 'title'> & { title?: Localized };

/**
 * Every fix is declared through this: it wraps the steps with the checks no fix may skip (remediation
 * session, same account, a finding this fix serves, inputs re-validated) so no module can forget one.
 */
export function defineFix<I = NoInputs>(spec: FixSpec<I>): FixDefinition<I> {
  const { words } = spec;
  const fix: FixDefinition<I> = { ...spec, words, title: { en: words.en.title, ja: words.ja.title } };
  const checked = fix as FixDefinition<unknown>;
  // Each step gets the context speaking in this fix's own words.
  const speaking = (ctx: FixContext): FixContext => ({ ...ctx, ...fixSpeaker(fix.id, words, ctx.locale) });
  return {
    ...fix,
    async preview(finding, ctx, inputs) {
      guard(checked, finding, ctx);
      return fix.preview(finding, speaking(ctx), inputs === undefined ? undefined : parseInputs(fix, inputs));
    },
    async apply(finding, inputs, ctx) {
      guard(checked, finding, ctx);
      return fix.apply(finding, parseInputs(fix, inputs), speaking(ctx));
    },
    async undo(applied, ctx) {
      guard(checked, applied.finding, ctx);
      return fix.undo({ ...applied, inputs: parseInputs(fix, applied.inputs) }, speaking(ctx));
    },
    async reconcile(finding, inputs, ctx) {
      guard(checked, finding, ctx);
      const found = await fix.reconcile(finding, parseInputs(fix, inputs), speaking(ctx));
      // Every fix journals before its first write. With a journal and nothing in it, awscheck never wrote:
      // a change AWS shows is someone else's, never adopted (undo would otherwise reverse their work).
      if (found.state === 'changed' && ctx.journal && ctx.journal.entries === undefined) {
        return {
          state: 'unchanged',
          current: found.current,
          message: ctx.text({
            en: 'awscheck had not started writing when it stopped; the resource was changed by someone else, so it is not recorded as this fix.',
            ja: 'awscheck は書き込みを始める前に停止しました。リソースは他の誰かによって変更されたため、この修正としては記録しません。',
          }),
        };
      }
      return found;
    },
  };
}

/** A fix context with the configured language; clock and sleep are for tests. */
export function createFixContext(options: {
  session: AwsSession;
  locale: Locale;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  journal?: FixJournal;
}): FixContext {
  const { session, locale } = options;
  return {
    session,
    locale,
    clock: options.clock ?? systemClock,
    text: (message) => t(locale, message),
    // Outside a fix's own steps there is no fix namespace: only `service:name` and `common:name` resolve.
    ...sayer('', locale),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.journal ? { journal: options.journal } : {}),
  };
}

/** `name` in `namespace`'s fix sentences, or in another namespace's (`ns:name`). */
function fixMessage(namespace: string, name: string, params: MessageParams | undefined) {
  const colon = name.indexOf(':');
  const key = colon < 0 ? `${namespace}:fix.${name}` : `${name.slice(0, colon)}:fix.${name.slice(colon + 1)}`;
  return params ? { key, params } : { key };
}

/**
 * A fix's own words as FixContext says them. Also for what a fix words before any step runs and so without
 * a context (its inputs' refusals, checked when a modal is submitted).
 */
export function fixSpeaker(fixId: string, words: FixWords, locale: Locale): Pick<FixContext, 'say' | 'localized'> {
  // Registered when first said, not when a module defines its fix: the words catalogue imports every fix.
  const { say, localized } = sayer(fixId, locale);
  return {
    say: (name, params) => (registerWords(fixId, ownWords(words)), say(name, params)),
    localized: (name, params) => (registerWords(fixId, ownWords(words)), localized(name, params)),
  };
}

// One object per words, so registerWords adds each fix's words once.
const registeredWords = new WeakMap<FixWords, Record<Locale, Record<string, unknown>>>();
function ownWords(words: FixWords): Record<Locale, Record<string, unknown>> {
  let own = registeredWords.get(words);
  if (!own) registeredWords.set(words, (own = { en: { fix: words.en }, ja: { fix: words.ja } }));
  return own;
}

function sayer(namespace: string, locale: Locale): Pick<FixContext, 'say' | 'localized'> {
  return {
    say: (name, params) => formatMessage(locale, fixMessage(namespace, name, params)),
    localized: (name, params) => {
      const message = fixMessage(namespace, name, params);
      return { en: formatMessage('en', message), ja: formatMessage('ja', message) };
    },
  };
}

/** The AWS request ids of the outputs given, for the audit trail. */
export function requestIds(...outputs: ({ $metadata?: { requestId?: string } } | undefined)[]): string[] {
  return outputs.flatMap((o) => (o?.$metadata?.requestId ? [o.$metadata.requestId] : []));
}

/**
 * An EC2 write tried with DryRun: AWS answers DryRunOperation when it would have succeeded and
 * UnauthorizedOperation when the role lacks the permission; nothing changes either way.
 */
export async function tryDryRun(send: () => Promise<unknown>): Promise<DryRunResult> {
  try {
    await send();
    return { ok: true };
  } catch (err) {
    if (hasErrorCode(err, 'DryRunOperation')) return { ok: true };
    return { ok: false, error: describeAwsError(err) };
  }
}

/** The first failed dry run of several, or ok. */
export function combineDryRuns(results: readonly DryRunResult[]): DryRunResult {
  return results.find((r) => !r.ok) ?? { ok: true };
}

/** A warning line for a failed dry run, saying what it means for the approver. */
export function dryRunWarning(result: DryRunResult | undefined, ctx: FixContext): string[] {
  if (!result || result.ok) return [];
  return [
    ctx.text({
      en: `Dry run failed, so applying this fix would fail too: ${result.error ?? 'unknown error'}. Give the remediation role the permissions in \`awscheck policy --remediation\` first.`,
      ja: `ドライランが失敗したため、この修正を適用しても失敗します: ${result.error ?? '不明なエラー'}。先にリメディエーション用ロールに \`awscheck policy --remediation\` の権限を付与してください。`,
    }),
  ];
}

/** Read-back waits: AWS usually shows a change at once, sometimes after a few seconds. */
const READ_BACK_DELAYS_MS = [1000, 2000, 4000];

/** Reads until `done` holds or the waits run out; `verified` says which. */
export async function readBack<T>(
  ctx: FixContext,
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<{ value: T; verified: boolean }> {
  const sleep = ctx.sleep ?? ((ms: number) => delay(ms));
  let value = await read();
  for (const wait of READ_BACK_DELAYS_MS) {
    if (done(value)) return { value, verified: true };
    await sleep(wait);
    value = await read();
  }
  return { value, verified: done(value) };
}

/** The sentence appended to a message when the read-back did not show the change yet. */
export function unverifiedNote(verified: boolean, ctx: FixContext): string {
  return verified
    ? ''
    : ctx.text({
        en: ' AWS accepted the change but did not show it on read-back yet; scan again in a minute to confirm.',
        ja: ' AWS は変更を受け付けましたが、読み直しではまだ反映が確認できませんでした。1 分ほどして再スキャンで確認してください。',
      });
}

/** Whole days between two instants, for "created 400 days ago" (fixes import it from here). */
export { daysBetween } from '../time/units.ts';
