// `npm start`: load the settings and the Slack configuration, compose the bot (src/app/compose.ts), run it
// until a signal stops it. A configuration problem prints every problem and exits 2, without a stack trace.
import { alertsConfigFromEnv } from './alerts/config.ts';
import { type BotConfig, composeBot } from './app/compose.ts';
import { ConfigError, ConfigProblems } from './config/errors.ts';
import { type Environment, parseEnvironment } from './config/environment.ts';
import { loadConfig } from './config/load.ts';
import { remediationConfigFromEnv } from './remediation/config.ts';
import { loadSlackConfig } from './slack/config.ts';
import { loadHistoryConfig } from './schedule/setup.ts';

/** The environment is parsed once (src/config/environment.ts); every reader runs, so one message names all problems. */
function loadEverything(): BotConfig {
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
  const app = await composeBot(loadEverything());
  await app.start();
  const shutdown = () => {
    app.shutdown().then(
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
