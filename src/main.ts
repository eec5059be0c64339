// `npm start`: load the configuration once, compose the bot (src/app/compose.ts), run it until a signal
// stops it. A configuration problem prints every problem and exits 2, without a stack trace.
import { composeBot } from './app/compose.ts';
import { loadConfiguration } from './config/configuration.ts';
import { ConfigError } from './config/errors.ts';

async function main(): Promise<void> {
  const app = await composeBot(loadConfiguration());
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
