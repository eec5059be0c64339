// At start-up and then every minute: expire approval requests past their deadline, settle requests a
// crash left in flight by reading AWS, reload accepted risks, and tell Slack what changed.
import type { Logger, webApi } from '@slack/bolt';
import { announceSweep, type RemediationDeps } from './remediation-replies.ts';

export async function startRemediationHousekeeping(
  client: webApi.WebClient,
  deps: RemediationDeps,
  logger: Pick<Logger, 'warn' | 'error'>,
  intervalMs?: number,
): Promise<() => void> {
  const { sweeper } = deps.remediation;
  const warn = (message: string) => logger.warn(message);
  // Grace 0: whatever is still in flight now was left by a previous run of this process.
  await announceSweep(client, deps, await sweeper.sweep(0), warn);
  sweeper.start(
    (report) => announceSweep(client, deps, report, warn),
    (err) => logger.error('awscheck: remediation housekeeping failed:', err),
    intervalMs,
  );
  return () => sweeper.stop();
}
