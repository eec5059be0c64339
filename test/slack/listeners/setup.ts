// What a listener unit test hands a callback, as the Bolt starter template does: real deps (scan service,
// allowlist, the user-locale cache, remediation over an in-memory store), a recorded fake client whose
// users.info answers each person's locale, and recorded ack/respond. No module of ours is mocked.
import { vi } from 'vitest';
import { ScanService } from '../../../src/app/scan-service.ts';
import { scan } from '../../../src/engine/scan.ts';
import { defaultSettings } from '../../../src/config/schema.ts';
import type { AnyCheck } from '../../../src/engine/types.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import { createRemediation } from '../../../src/remediation/feature.ts';
import { ScannerAllowlist } from '../../../src/slack/access/scanners.ts';
import { UserLocaleCache } from '../../../src/slack/access/user-locale.ts';
import type { SlackDeps } from '../../../src/slack/deps.ts';
import { BackgroundTasks } from '../../../src/slack/listeners/background.ts';
import type { RemediationDeps } from '../../../src/slack/remediation/replies.ts';
import { MemoryResultSets } from '../../../src/slack/results/result-sets.ts';
import { fakeSlackClient } from '../../helpers/fake-slack-client.ts';
import { memoryStore } from '../../remediation/fixtures.ts';
import { TestClock } from '../../remediation/harness.ts';

export const ALICE = 'U0ALICE';
export const KENJI = 'U0KENJI';
/** Alice reads English, Kenji Japanese; the channel (AWSCHECK_LOCALE) reads `channelLocale`. */
export const LOCALES = { [ALICE]: 'en-US', [KENJI]: 'ja-JP' };

/** Hiragana or katakana: in every Japanese sentence awscheck writes, in none of its English ones. */
export const KANA = /[\u3040-\u30ff]/;

export interface ListenerSetupOptions {
  checks?: AnyCheck[];
  scanners?: string[];
  channelLocale?: Locale;
  remediationEnabled?: boolean;
}

export function listenerSetup(options: ListenerSetupOptions = {}) {
  const checks = options.checks ?? [];
  const settings = { ...defaultSettings(), locale: options.channelLocale ?? 'en' };
  const errors: unknown[] = [];
  const store = memoryStore();
  const remediation = createRemediation({
    store: store.remediation,
    settings,
    config: {
      enabled: options.remediationEnabled ?? true,
      approvers: ['U0BOB'],
      allowSelfApproval: false,
      approvalChannel: 'C0APPROVE',
      approvalTtlMs: 86_400_000,
      riskSelfAccept: false,
    },
    listed: async (id) => id === 'U0BOB',
    clock: new TestClock(),
  });
  const deps: RemediationDeps & SlackDeps = {
    scans: new ScanService({ scan, deps: { settings, checks } }),
    catalogue: checks,
    settings,
    locale: settings.locale,
    userLocales: new UserLocaleCache(settings.locale),
    scanners: new ScannerAllowlist(options.scanners ?? []),
    background: new BackgroundTasks((err) => errors.push(err)),
    resultSets: new MemoryResultSets(),
    remediation,
  };
  const slack = fakeSlackClient({ locales: LOCALES });
  const order: string[] = [];
  const acks: unknown[] = [];
  const replies: Record<string, unknown>[] = [];
  const ack = vi.fn(async (answer?: unknown) => {
    order.push('ack');
    acks.push(answer);
  });
  const respond = vi.fn(async (message: Record<string, unknown>) => {
    order.push('respond');
    replies.push(message);
    return new Response('ok');
  });
  const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
  /** The text of every direct message the bot sent. */
  const directMessages = () => slack.callsTo('chat.postMessage').filter((c) => String(c.params.channel).startsWith('D0')).map((c) => String(c.params.text));
  return {
    deps,
    slack,
    client: slack.client,
    ack,
    acks,
    respond,
    replies,
    order,
    logger,
    errors,
    directMessages,
    /** Waits for the work the callback left running after ack. */
    idle: () => deps.background.idle(),
    close: () => store.close(),
  };
}

/** A block_actions body for a button click by `userId`. */
export function click(userId: string, value: string, actionId = 'test_action') {
  return {
    body: { type: 'block_actions', user: { id: userId }, trigger_id: 'trigger-1', container: { type: 'message' } },
    action: { type: 'button', action_id: actionId, value },
  };
}

/** A view_submission body: `values` as Slack's view.state.values. */
export function submission(userId: string, callbackId: string, metadata: string, values: Record<string, Record<string, { value?: string }>> = {}) {
  const view = { id: 'V1', callback_id: callbackId, private_metadata: metadata, state: { values } };
  return { body: { type: 'view_submission', user: { id: userId }, view }, view };
}
