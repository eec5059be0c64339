// The vocabulary every layer shares: checks, collectors, results, scan reports.
// Data flows one way: collectors read AWS → checks evaluate inventory → renderers → Slack / CLI.
import type { AwsSession } from '../aws/session.ts';
import type { Settings } from '../config/schema.ts';
import type { Locale, Localized } from '../i18n/locale.ts';
import type { Message, MessageParams } from '../i18n/message.ts';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['FAIL', 'PASS', 'ERROR', 'MUTED'] as const;
export type Status = (typeof STATUSES)[number];

export const SERVICES = ['iam', 's3', 'ec2', 'ssm', 'detect'] as const;
export type Service = (typeof SERVICES)[number];

/** `global` for account-wide services (IAM, the S3 account settings). */
export const GLOBAL_REGION = 'global';

/** One evaluated fact about one resource: the unit of every report, diff and fix. */
export interface CheckResult {
  checkId: string;
  status: Status;
  severity: Severity;
  accountId: string;
  region: string;
  resourceType: string;
  resourceId: string;
  /** The part of the resource the finding is about (a rule id, an access key id), when not the whole. */
  subResourceId?: string;
  resourceArn?: string;
  /** One line a person understands, in the configured locale (the scan's, for JSON and the CLI table). */
  evidence: string;
  /**
   * The same line, language-neutral: renderers word it in their reader's locale. Absent on results stored
   * before messages existed, which show `evidence` as stored.
   */
  message?: Message;
  details: Record<string, unknown>;
  /** Set when an accepted risk mutes a FAIL. */
  muted?: { reason: string; expiresAt: string; acceptedBy: string };
}

/** What a check's evaluate function returns; the engine adds the check id, severity and account. */
export type ResultDraft = Omit<CheckResult, 'checkId' | 'severity' | 'accountId' | 'muted' | 'evidence' | 'message'> & {
  /** Overrides the check's severity for this one result (rarely needed). */
  severity?: Severity;
  /** What the result says, as `ctx.say(…)` built it; the engine words it. */
  evidence: Message;
};

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What a collector sees: one account, one region (or `global`), and a way to ask for other inventories. */
export interface CollectContext {
  session: AwsSession;
  accountId: string;
  /** The region being collected, or `global` for account-wide collectors. */
  region: string;
  /** The account's enabled regions in this scan (collectors of account-wide data may fan out to them). */
  regions: readonly string[];
  settings: Settings;
  clock: Clock;
  /** Another collector's data for the same account (and region, when both are regional). Memoised per scan. */
  get<T>(collector: Collector<T>): Promise<T>;
  /** Progress inside one collector, e.g. buckets done of total. */
  progress(done: number, total: number, unit: string): void;
  /** A remark for the report that is not a failure, e.g. "Inspector is not available in me-central-1". */
  note(message: string): void;
  signal?: AbortSignal;
  /**
   * Set when the scan re-reads a few named resources (an alert's re-check): collectors whose API can ask
   * for just those ids may do so; the others read everything as usual.
   */
  focus?: readonly string[];
}

/** Where a collector reads, or a check runs: once per account (`global`) or once per enabled region. */
export const SCOPES = ['global', 'regional'] as const;
export type CollectorScope = (typeof SCOPES)[number];

/** The only code that reads AWS. Fetches one inventory once per scan, paginating. */
export interface Collector<T> {
  id: string;
  service: Service;
  scope: CollectorScope;
  /** IAM actions this collector calls; the read-only policy is generated from these. */
  actions: readonly string[];
  /** Collectors whose data this one reads through ctx.get (their actions join the policy too). */
  dependsOn?: readonly Collector<unknown>[];
  /** Account-wide, but reads ctx.regions (buckets are filtered to the scan's regions). */
  usesRegions?: boolean;
  collect(ctx: CollectContext): Promise<T>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCollector = Collector<any>;
export type DataOf<N extends readonly AnyCollector[]> = {
  [K in keyof N]: N[K] extends Collector<infer T> ? T : never;
};

export interface EvaluateContext {
  accountId: string;
  region: string;
  settings: Settings;
  clock: Clock;
  locale: Locale;
  /**
   * A result's evidence, language-neutral: `ctx.say('name', { user, days })` is `evidence.name` in the
   * check's words files; `ctx.say('ec2:name')` or `ctx.say('common:name')` a service's or everyone's.
   */
  say(name: string, params?: MessageParams): Message;
}

export interface CheckMeta {
  id: string;
  service: Service;
  severity: Severity;
  /** CIS AWS Foundations Benchmark v3.0.0 control ids. */
  cis: readonly string[];
  /** AWS Security Hub (FSBP) control ids. */
  securityHub: readonly string[];
  /** Id of the fix a "Fix…" button offers for this check's findings (see checks/fixes.ts), if any. */
  fix?: string;
  title: Localized;
  /** Why it matters: the risk, in two or three sentences. */
  why: Localized;
  /** Step-by-step fix for a beginner: console steps and one AWS CLI line. */
  guide: Localized;
  /** The check's words files (checks/lib/words.ts checkTexts), whose `evidence` words its results. */
  words?: Record<Locale, Record<string, unknown>>;
}

export interface CheckDefinition<N extends readonly AnyCollector[] = readonly AnyCollector[]> extends CheckMeta {
  scope: CollectorScope;
  needs: N;
  /** Pure: no I/O, no clock but ctx.clock. */
  evaluate(data: DataOf<N>, ctx: EvaluateContext): ResultDraft[];
}

export type AnyCheck = CheckDefinition<readonly AnyCollector[]>;

export interface ScanAccount {
  accountId: string;
  name: string;
}

/** Something that stopped part of a scan: a collector, a region or a whole account. */
export interface ScanError {
  accountId?: string;
  region?: string;
  collector?: string;
  checkIds?: string[];
  reason: string;
}

export interface ScanNote {
  accountId?: string;
  region?: string;
  message: string;
}

/** The awscheck.scan/v1 JSON document: a public interface, keep it stable (add, don't rename). */
export interface ScanReport {
  schema: 'awscheck.scan/v1';
  startedAt: string;
  finishedAt: string;
  accounts: ScanAccount[];
  regions: string[];
  results: CheckResult[];
  errors: ScanError[];
  notes: ScanNote[];
  /** What was asked for, so a stored scan can be compared only with a like one. */
  selection: ScanSelection;
}

/** What a scan knows once its accounts are planned, before any runs (ScanOptions.onStart; a store begins the scan with it). */
export interface ScanStart {
  startedAt: string;
  selection: ScanSelection;
  /** The accounts planned so far (a stored scan's parts may add more). */
  accounts: ScanAccount[];
  /** Scan-wide errors and notes known before any account ran (an organization's discovery). */
  errors?: ScanError[];
  notes?: ScanNote[];
  /** Regions known at the start (a whole report being saved); a streamed scan learns them per account. */
  regions?: string[];
}

/** Narrows a scan to what one change touched (see ScanOptions.focus). */
export interface ScanFocus {
  /** The one region to read, already known to be enabled (an API call was just made there): no DescribeRegions. */
  region?: string;
  /** Only results about these resources are kept, and collectors may read just these. */
  resourceIds?: readonly string[];
}

export interface ScanSelection {
  services?: Service[];
  checks?: string[];
  /** Account ids or names. */
  accounts?: string[];
  regions?: string[];
}

export interface ServiceProgress {
  done: number;
  total: number;
  unit: string;
  finished: boolean;
}

/** A snapshot of progress, keyed by service; consumers throttle how often they show it. */
export type ScanProgress = Partial<Record<Service, ServiceProgress>>;
