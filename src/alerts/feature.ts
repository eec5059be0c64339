// Wires alerts from their parts: the queue client and poller, the service that handles one message, the
// Slack poster, and the scan listener that resolves alerts a scan finds fixed. Off when no queue is set.
import type { webApi } from '@slack/bolt';
import type { Settings } from '../config/schema.ts';
import { sdkEnvironment } from '../config/environment.ts';
import type { ScanDeps, ScanOptions } from '../engine/scan.ts';
import type { AnyCheck, CheckResult, ScanReport } from '../engine/types.ts';
import type { Button } from '../slack/render/blocks.ts';
import type { AlertsConfig } from './config.ts';
import { createQueueClient, QueuePoller, type QueuePollerOptions } from './queue.ts';
import { type AlertLogger, type AlertPoster, AlertService } from './service.ts';
import type { AlertStore } from './store.ts';
import { DAY_MS, HOUR_MS } from '../time/units.ts';

const EVENT_MEMORY_MS = 15 * DAY_MS;
const PRUNE_EVERY_MS = 6 * HOUR_MS;

export interface AlertsOptions {
  config: AlertsConfig;
  settings: Settings;
  checks: readonly AnyCheck[];
  store: AlertStore;
  client: webApi.WebClient;
  logger: AlertLogger;
  mute?: ScanOptions['mute'];
  findingActions?: (finding: CheckResult) => Button[];
  /** Finished scans (the app's ScanService): a scan that finds an alerted finding fixed resolves it. */
  scans?: { onComplete(listener: (report: ScanReport) => unknown): unknown };
  env?: Record<string, string | undefined>;
  scanDeps?: Omit<Partial<ScanDeps>, 'settings' | 'checks'>;
  poller?: Partial<Pick<QueuePollerOptions, 'waitTimeSeconds' | 'extendEveryMs' | 'visibilitySeconds' | 'retryDelayMs' | 'concurrency'>>;
}

export interface Alerts {
  service: AlertService;
  /** Stops polling and waits for the messages in hand (for graceful shutdown). */
  stop(): Promise<void>;
}

export function slackPoster(client: webApi.WebClient): AlertPoster {
  return {
    async post(channel, message) {
      const answer = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never, unfurl_links: false });
      if (!answer.ts) throw new Error('chat.postMessage returned no ts');
      return { channel: answer.channel ?? channel, ts: answer.ts };
    },
    async update(channel, ts, message) {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as never });
    },
  };
}

/** Starts polling; undefined (and a line in the log) when AWSCHECK_EVENTS_QUEUE_URL is not set. */
export function startAlerts(options: AlertsOptions): Alerts | undefined {
  const { config, logger } = options;
  if (!config.queueUrl || !config.channel) {
    logger.info('awscheck: real-time alerts are off (set AWSCHECK_EVENTS_QUEUE_URL to an SQS queue fed by EventBridge to turn them on)');
    return undefined;
  }
  const env = options.env ?? sdkEnvironment();
  const service = new AlertService({
    settings: options.settings,
    checks: options.checks,
    store: options.store,
    poster: slackPoster(options.client),
    channel: config.channel,
    locale: options.settings.locale,
    logger,
    ...(options.mute ? { mute: options.mute } : {}),
    ...(options.findingActions ? { findingActions: options.findingActions } : {}),
    scanDeps: { env, ...options.scanDeps },
  });
  options.scans?.onComplete((report) =>
    service.resolveFromScan(report).catch((err: unknown) => logger.warn(`awscheck: alerts: could not resolve alerts from a scan: ${(err as Error).message}`)),
  );
  const client = createQueueClient(config.queueUrl, options.settings, env);
  const poller = new QueuePoller({
    queueUrl: config.queueUrl,
    client,
    logger,
    handle: (body, signal) => service.handle(body, signal),
    ...options.poller,
  });
  poller.start();
  // SQS keeps a message at most 14 days, so no redelivery can be older: forget handled events after that.
  const prune = setInterval(() => {
    const before = new Date(Date.now() - EVENT_MEMORY_MS).toISOString();
    options.store.pruneEvents(before).catch((err: unknown) => logger.warn(`awscheck: alerts: could not prune handled events: ${(err as Error).message}`));
  }, PRUNE_EVERY_MS);
  prune.unref();
  logger.info(`awscheck: real-time alerts are on: polling the events queue, alerts go to ${config.channel}`);
  return {
    service,
    async stop() {
      clearInterval(prune);
      await poller.stop();
      client.destroy();
    },
  };
}
