// At start-up and then every minute: expire approval requests past their deadline, settle requests a
// crash left in flight by reading AWS, reload accepted risks, and tell Slack what changed.
import type { Logger, webApi } from '@slack/bolt';
import { announceSweep, type RemediationDeps } from './replies.ts';

export async function startRemediationHousekeeping(
  client: webApi.WebClient,
  deps: RemediationDeps,
  logger: Pick<Logger, 'warn' | 'error'>,
  intervalMs?: number,
): Promise<() => void> {
  const { sweeper } = deps.remediation;
  const warn = (message: string) => logger.warn(message);
  // What a previous run left in flight is settled once its lease has expired (by this pass or a later one).
  await announceSweep(client, deps, await sweeper.sweep(), warn);
  sweeper.start(
    (report) => announceSweep(client, deps, report, warn),
    (err) => logger.error('awscheck: remediation housekeeping failed:', err),
    intervalMs,
  );
  return () => sweeper.stop();
}
