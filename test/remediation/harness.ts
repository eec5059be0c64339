// The remediation flow end to end over HTTP: Bolt's HTTPReceiver on 127.0.0.1:0, requests signed as Slack
// signs them (block_actions, view_submission, slash commands), the fake Slack Web API, a SQLite store in
// memory, an injected clock, and AWS clients mocked with aws-sdk-client-mock (the fixes' own fakes).
import { expectCallsWithinScopes } from '../helpers/slack-scopes.ts';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { LogLevel } from '@slack/bolt';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { type AwscheckApp, buildApp, createSlackApp } from '../../src/app/build.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { defineCheck, defineCollector } from '../../src/engine/define.ts';
import type { AnyCheck, CheckResult, Clock, ResultDraft } from '../../src/engine/types.ts';
import type { RemediationConfig } from '../../src/remediation/config.ts';
import { createRemediation, type Remediation } from '../../src/remediation/feature.ts';
import type { FixRequest } from '../../src/remediation/store.ts';
import { approverLookup } from '../../src/slack/access/approvers.ts';
import { startRemediationHousekeeping } from '../../src/slack/remediation/housekeeping.ts';
import { fixAllGroupActions } from '../../src/slack/remediation/batch/group-actions.ts';
import { remediationFindingActions } from '../../src/slack/remediation/finding-actions.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { FORM, TEST_SIGNING_SECRET, buttonClick, interactionBody, postSigned, slashCommandBody } from '../helpers/slack-signing.ts';
import { ACCOUNT } from './fixtures.ts';

// The shared findings live with the other records in fixtures.ts; the flow tests take them from here too.
export { ACCOUNT, KEY_FINDING, resultOf, SSH_FINDING } from './fixtures.ts';

export const APPROVAL_CHANNEL = 'C0APPROVE';
export const ALICE = 'U0ALICE';
export const BOB = 'U0BOB';
export const CAROL = 'U0CAROL';
export const MALLORY = 'U0MALLORY';
export const START = new Date('2026-11-25T09:00:00.000Z');

export const sts = mockClient(STSClient);

export class TestClock implements Clock {
  private at = START.getTime();

  now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

/** A check with a real catalogue id whose evaluate returns the given results; no AWS behind it. */
export function findingCheck(id: string, drafts: () => ResultDraft[], severity: CheckResult['severity'] = 'critical'): AnyCheck {
  const inventory = defineCollector<ResultDraft[]>({
    id: `ec2.test-inventory-of-${id}`,
    scope: 'global',
    actions: [],
    collect: async () => drafts(),
  });
  return defineCheck({
    id,
    service: id.startsWith('iam.') ? 'iam' : 'ec2',
    severity,
    cis: [],
    securityHub: [],
    scope: 'global',
    needs: [inventory],
    title: { en: `Test check ${id}`, ja: `テスト用チェック ${id}` },
    why: { en: 'Because.', ja: 'なぜなら。' },
    guide: { en: '1. Fix it.', ja: '1. 直します。' },
    evaluate: ([items]) => items.map((d) => ({ ...d })),
  });
}

export interface HarnessOptions {
  checks: AnyCheck[];
  config?: Partial<RemediationConfig>;
  usergroups?: Record<string, string[]>;
  scanners?: string[];
  /** Offers "Fix all (N)…" on groups (fixAllGroupActions), with this batch pacing. */
  fixAll?: { paceMs?: number; sleep?: (ms: number) => Promise<void> };
}

export interface Harness {
  slack: FakeSlack;
  bot: AwscheckApp;
  remediation: Remediation;
  store: SqliteStore;
  clock: TestClock;
  events: string;
  /** Sends a signed button click and waits for everything it started. */
  click(actionId: string, value: string, userId: string, responseId?: string): Promise<void>;
  /** Sends a signed view_submission; returns Bolt's answer body (empty when the modal just closes). */
  submit(callbackId: string, metadata: string, values: Record<string, Record<string, Record<string, unknown>>>, userId: string): Promise<string>;
  /** Runs `/awscheck text` and returns the last response_url reply. */
  command(text: string, userId?: string): Promise<Record<string, unknown>>;
  /** Every approval request posted to the approval channel, newest last. */
  approvals(): Record<string, unknown>[];
  /** The last chat.update of the approval message. */
  lastUpdate(): Record<string, unknown> | undefined;
  /** Direct messages to a user, by the DM channel the fake opens for them. */
  dms(userId: string): Record<string, unknown>[];
  /** The id of the only fix request stored. */
  onlyRequest(): Promise<FixRequest>;
  close(): Promise<void>;
}

export function buttonValue(message: unknown, actionId: string): string | undefined {
  const blocks = (message as { blocks?: { elements?: { action_id?: string; value?: string }[]; accessory?: { action_id?: string; value?: string } }[] }).blocks ?? [];
  for (const block of blocks) {
    for (const element of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]) {
      if (element.action_id === actionId) return element.value;
    }
  }
  return undefined;
}

export function viewSubmission(callbackId: string, metadata: string, values: Record<string, Record<string, Record<string, unknown>>>, userId: string) {
  return {
    type: 'view_submission',
    team: { id: 'T0TEST', domain: 'awscheck-test' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'T0TEST' },
    api_app_id: 'A0TEST',
    token: 'deprecated-verification-token',
    trigger_id: '1234.5678.view',
    view: {
      id: 'V0MODAL',
      team_id: 'T0TEST',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: metadata,
      state: { values },
      hash: '1700000000.abcd',
      title: { type: 'plain_text', text: 'awscheck' },
      blocks: [],
    },
  };
}

/** Harnesses started and not yet closed: useHarnesses closes them after each test. */
const running = new Set<Harness>();

/**
 * The hooks of a test file whose tests start harnesses: the scan identity (and the given AWS mocks) fresh for
 * each test, every harness a test started closed after it, the mocks restored after the file.
 */
export function useHarnesses(aws?: { reset(): void; restore(): void }): void {
  beforeEach(() => {
    aws?.reset();
    mockScanIdentity();
  });
  afterEach(async () => {
    for (const harness of [...running]) await harness.close();
  });
  if (aws) afterAll(() => aws.restore());
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const slack = await startFakeSlack({ usergroups: options.usergroups ?? {} });
  slack.on('chat.update', (p) => ({ ok: true, channel: p.channel, ts: p.ts }));
  const clock = new TestClock();
  const settings = defaultSettings();
  const store = openSqliteStore(':memory:');
  const config: RemediationConfig = {
    enabled: true,
    approvers: [BOB, CAROL],
    allowSelfApproval: false,
    approvalChannel: APPROVAL_CHANNEL,
    approvalTtlMs: 24 * 3_600_000,
    riskSelfAccept: false,
    ...options.config,
  };
  const slackConfig = {
    botToken: 'xoxb-test-token',
    signingSecret: TEST_SIGNING_SECRET,
    port: 0,
    apiUrl: slack.apiUrl,
    scanners: options.scanners ?? [],
    mode: 'http' as const,
  };
  // One Web API client, as in the bot: the approver lookup reads user groups with Bolt's.
  const app = createSlackApp(slackConfig, { logLevel: LogLevel.ERROR });
  const remediation = createRemediation({
    store: store.remediation,
    settings,
    config,
    listed: approverLookup(config.approvers, { client: app.client }),
    clock,
    sleep: async () => undefined,
    ...(options.fixAll ? { batch: { paceMs: options.fixAll.paceMs ?? 0, ...(options.fixAll.sleep ? { sleep: options.fixAll.sleep } : {}) } } : {}),
  });
  const bot = buildApp({
    slack: slackConfig,
    app,
    settings,
    checks: options.checks,
    scanDeps: { clock, env: {} },
    mute: (result) => remediation.risks.mute(result),
    remediation,
    findingActions: remediationFindingActions({
      locale: 'en',
      fixFor: (finding) => remediation.fixFor(finding),
      remember: (finding) => remediation.snapshots.remember(finding),
    }),
    ...(options.fixAll ? { groupActions: fixAllGroupActions({ locale: 'en', fixFor: (finding) => remediation.fixFor(finding) }) } : {}),
    host: '127.0.0.1',
    progress: { gapsMs: [30] },
  });
  const { port } = await bot.start();
  const events = `http://127.0.0.1:${port}/slack/events`;
  const stopHousekeeping = await startRemediationHousekeeping(bot.app.client, { ...bot.deps, remediation }, bot.app.logger, 3_600_000);
  let counter = 0;

  const settle = async () => {
    await bot.idle();
    await remediation.snapshots.flushed();
  };

  const harness: Harness = {
    slack,
    bot,
    remediation,
    store,
    clock,
    events,
    async click(actionId, value, userId, responseId) {
      const payload = buttonClick(actionId, value, { userId, responseUrl: slack.responseUrl(responseId ?? `click${++counter}`) });
      const answer = await postSigned(events, interactionBody(payload), FORM);
      expect(answer.status).toBe(200);
      await answer.text();
      await settle();
    },
    async submit(callbackId, metadata, values, userId) {
      const answer = await postSigned(events, interactionBody(viewSubmission(callbackId, metadata, values, userId)), FORM);
      expect(answer.status).toBe(200);
      const body = await answer.text();
      await settle();
      return body;
    },
    async command(text, userId = ALICE) {
      const id = `cmd${++counter}`;
      const answer = await postSigned(events, slashCommandBody({ text, user_id: userId, response_url: slack.responseUrl(id) }), FORM);
      expect(answer.status).toBe(200);
      await answer.text();
      await settle();
      return slack.responsesTo(id).at(-1)?.body ?? {};
    },
    approvals: () => slack.callsTo('chat.postMessage').filter((c) => c.params.channel === APPROVAL_CHANNEL).map((c) => c.params),
    lastUpdate: () => slack.callsTo('chat.update').at(-1)?.params,
    dms: (userId) => slack.callsTo('chat.postMessage').filter((c) => c.params.channel === `D0${userId}`).map((c) => c.params),
    async onlyRequest() {
      const all = await store.remediation.requestsIn(['requested', 'approved', 'applying', 'applied', 'unchanged', 'failed', 'rejected', 'expired', 'undo_requested', 'undoing', 'undone']);
      expect(all).toHaveLength(1);
      return all[0]!;
    },
    async close() {
      running.delete(harness);
      stopHousekeeping();
      expectCallsWithinScopes(slack);
      await bot.stop();
      await slack.close();
      await store.close();
    },
  };
  running.add(harness);
  return harness;
}

/** STS answers for the scan's account check. */
export function mockScanIdentity(): void {
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
}
