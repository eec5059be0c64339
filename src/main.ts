// `npm start`: load the settings and the Slack configuration, build the bot, run it until a signal stops it.
// A configuration problem prints every problem and exits 2, without a stack trace.
import { ALL_CHECKS } from '../checks/index.ts';
import { reportCommand } from '../commands/awscheck/report.ts';
import { type AlertsConfig, alertsConfigFromEnv } from './alerts/config.ts';
import { startAlerts } from './alerts/feature.ts';
import { buildApp } from './app/build.ts';
import { ConfigError, ConfigProblems } from './config/errors.ts';
import { type Environment, parseEnvironment } from './config/environment.ts';
import { type LoadedConfig, loadConfig } from './config/load.ts';
import { formatDuration, type RemediationConfig, remediationConfigFromEnv } from './remediation/config.ts';
import { createRemediation } from './remediation/feature.ts';
import { shutDownGracefully } from './remediation/shutdown.ts';
import { approverLookup } from './slack/access/approvers.ts';
import { startRemediationHousekeeping } from './slack/remediation/housekeeping.ts';
import { fixAllGroupActions } from './slack/remediation/batch/group-actions.ts';
import { remediationFindingActions } from './slack/remediation/finding-actions.ts';
import { type SlackConfig, loadSlackConfig } from './slack/config.ts';
import { type HistoryConfig, loadHistoryConfig, openHistory } from './schedule/setup.ts';

/** The environment is parsed once (src/config/environment.ts); every reader runs, so one message names all problems. */
function loadEverything(): {
  config: LoadedConfig;
  slack: SlackConfig;
  history: HistoryConfig;
  remediation: RemediationConfig;
  alerts: AlertsConfig;
} {
  const problems = new ConfigProblems();
  const parsed = parseEnvironment();
  problems.add(parsed.problems);
  const env: Environment = parsed.environment;
  const config = problems.attempt(() => loadConfig(env));
  const slack = problems.attempt(() => loadSlackConfig(env));
  const history = problems.attempt(() => loadHistoryConfig(env));
  const remediation = problems.attempt(() => remediationConfigFromEnv(env));
  const alerts = problems.attempt(() => alertsConfigFromEnv(env));
  problems.throwIfAny();
  return { config: config!, slack: slack!, history: history!, remediation: remediation!, alerts: alerts! };
}

async function main(): Promise<void> {
  const { config, slack, history: historyConfig, remediation: remediationConfig, alerts: alertsConfig } = loadEverything();
  // Scan history, the daily report and its schedule (src/store, src/report, src/schedule).
  const history = openHistory(historyConfig, {
    locale: config.settings.locale,
    botToken: slack.botToken,
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    logger: console,
  });
  // Fixes, accepted risks and the audit trail (src/remediation). Accepted risks and the audit trail work
  // whether or not AWSCHECK_REMEDIATION=on; the Fix… and Accept risk buttons appear only when it is.
  const remediation = createRemediation({
    store: history.store.remediation,
    settings: config.settings,
    config: remediationConfig,
    listed: approverLookup(remediationConfig.approvers, {
      token: slack.botToken,
      ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
      onLookupError: (message) => console.warn(message),
    }),
  });
  await remediation.risks.refresh();
  const bot = buildApp({
    slack,
    settings: config.settings,
    checks: ALL_CHECKS,
    history: history.store,
    subcommands: [reportCommand(history.reports)],
    mute: (result) => remediation.risks.mute(result),
    remediation,
    ...(remediationConfig.enabled
      ? {
          findingActions: remediationFindingActions({
            locale: config.settings.locale,
            fixFor: (finding) => remediation.fixFor(finding),
            remember: (finding) => remediation.snapshots.remember(finding),
          }),
          groupActions: fixAllGroupActions({ locale: config.settings.locale, fixFor: (finding) => remediation.fixFor(finding) }),
        }
      : {}),
  });
  history.recorder.attach(bot.scans);
  const started = await bot.start();
  const stopHousekeeping = await startRemediationHousekeeping(bot.app.client, { ...bot.deps, remediation }, bot.app.logger);
  if (remediationConfig.enabled) {
    bot.app.logger.info(
      `awscheck: remediation is on; approval requests go to ${remediationConfig.approvalChannel ?? '?'} and expire after ${formatDuration(remediationConfig.approvalTtlMs)}`,
    );
  }
  bot.app.logger.info(
    started.mode === 'socket'
      ? `awscheck is running in Socket Mode with ${ALL_CHECKS.length} checks`
      : `awscheck is listening on port ${started.port ?? slack.port} (/slack/events, /healthz) with ${ALL_CHECKS.length} checks`,
  );
  history.startSchedule(bot.scans);
  // Real-time alerts from the events queue (src/alerts); off, with a log line, without AWSCHECK_EVENTS_QUEUE_URL.
  const alerts = startAlerts({
    config: alertsConfig,
    settings: config.settings,
    checks: ALL_CHECKS,
    store: history.store.alerts,
    client: bot.app.client,
    logger: bot.app.logger,
    mute: (result) => remediation.risks.mute(result),
    scans: bot.scans,
    ...(bot.deps.findingActions ? { findingActions: bot.deps.findingActions } : {}),
  });
  const shutdown = () => {
    shutDownGracefully({
      stopIntake: async () => {
        stopHousekeeping();
        remediation.fixes.stop();
        await alerts?.stop();
        await bot.stop();
      },
      // Fixes and undos in flight, then what they tell Slack.
      idle: async () => {
        await remediation.fixes.idle();
        await remediation.sweeper.idle();
        await bot.idle();
      },
      close: async () => history.close(),
      warn: (message) => bot.app.logger.warn(message),
    }).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(`awscheck could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
