// `npm start`: load the settings and the Slack configuration, build the bot, run it until a signal stops it.
// A configuration problem prints every problem and exits 2, without a stack trace.
import { ALL_CHECKS } from '../checks/index.ts';
import { reportCommand } from '../commands/awscheck/report.ts';
import { buildApp } from './app/build.ts';
import { ConfigError, ConfigProblems } from './config/errors.ts';
import { type LoadedConfig, loadConfig } from './config/load.ts';
import { type SlackConfig, loadSlackConfig } from './slack/config.ts';
import { type HistoryConfig, loadHistoryConfig, openHistory } from './schedule/setup.ts';

/** Both loaders run, so one message names the problems of both. */
function loadEverything(env: NodeJS.ProcessEnv): { config: LoadedConfig; slack: SlackConfig; history: HistoryConfig } {
  const problems = new ConfigProblems();
  const config = problems.attempt(() => loadConfig(env));
  const slack = problems.attempt(() => loadSlackConfig(env));
  const history = problems.attempt(() => loadHistoryConfig(env));
  problems.throwIfAny();
  return { config: config!, slack: slack!, history: history! };
}

async function main(): Promise<void> {
  const { config, slack, history: historyConfig } = loadEverything(process.env);
  // Scan history, the daily report and its schedule (src/store, src/report, src/schedule).
  const history = openHistory(historyConfig, {
    locale: config.settings.locale,
    botToken: slack.botToken,
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    logger: console,
  });
  const bot = buildApp({
    slack,
    settings: config.settings,
    checks: ALL_CHECKS,
    history: history.store,
    subcommands: [reportCommand(history.reports)],
  });
  history.recorder.attach(bot.scans);
  const started = await bot.start();
  bot.app.logger.info(
    started.mode === 'socket'
      ? `awscheck is running in Socket Mode with ${ALL_CHECKS.length} checks`
      : `awscheck is listening on port ${started.port ?? slack.port} (/slack/events, /healthz) with ${ALL_CHECKS.length} checks`,
  );
  history.startSchedule(bot.scans);
  const shutdown = () => {
    bot
      .stop()
      .then(() => history.close())
      .then(
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
