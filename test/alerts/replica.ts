// One bot replica for the multi-process test: alerts on, the shared SQLite file, the fake SQS and fake
// Slack given on the command line, AWS answered by the in-process fake (one world-open SSH rule). Prints
// READY once polling; on SIGTERM it stops the poller (what main's graceful shutdown awaits) and exits 0.
import { webApi } from '@slack/bolt';
import { ALL_CHECKS } from '../../checks/index.ts';
import { startAlerts } from '../../src/alerts/feature.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { installFakeAws } from '../fake-aws/install.ts';
import { replicaWorld } from './replica-world.ts';

const [sqsUrl = '', slackApiUrl = '', dbPath = ''] = process.argv.slice(2);
process.env.AWS_ACCESS_KEY_ID ??= 'AKIAFAKEFORTESTS0001';
process.env.AWS_SECRET_ACCESS_KEY ??= 'fake-secret-for-tests';
process.env.AWS_EC2_METADATA_DISABLED = 'true';

const { world } = replicaWorld();
const store = openSqliteStore(dbPath);
const alerts = startAlerts({
  config: { queueUrl: `https://sqs.eu-west-1.amazonaws.com/${world.accountId}/awscheck-events`, channel: 'C0ALERTS' },
  settings: defaultSettings({ homeRegion: 'eu-west-1' }),
  checks: ALL_CHECKS,
  store: store.alerts,
  client: new webApi.WebClient('xoxb-test-token', { slackApiUrl }),
  logger: { info: () => undefined, warn: (m) => console.error(m), error: (m) => console.error(m) },
  env: { AWS_ENDPOINT_URL_SQS: sqsUrl },
  scanDeps: { instrument: installFakeAws(world, { latencyMs: 30 }) },
  // A long poll, as in production: stop() must not wait for it to end.
  poller: { waitTimeSeconds: 20 },
});
console.log('READY');
process.once('SIGTERM', () => {
  void alerts
    ?.stop()
    .then(() => store.close())
    .then(() => process.exit(0));
});
