// One replica of the bot's scheduler, in a process of its own: fires every second for RUN_MS on the shared
// DynamoDB table and writes a report for each slot it claims.
import { startReportScheduler } from '../../../src/schedule/scheduler.ts';
import { DynamoDbStore } from '../../../src/store/dynamodb/history-store.ts';

const store = new DynamoDbStore({ table: process.env.TABLE!, region: 'us-east-1', endpoint: process.env.ENDPOINT!, retentionDays: 30 });
const owner = process.env.OWNER!;
const silent = { info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };
const scheduler = startReportScheduler({
  cron: '* * * * * *',
  timeZone: 'UTC',
  store,
  owner,
  logger: silent,
  run: async (slot) => {
    await store.createReport({ name: 'daily', slot, scanId: owner, channel: 'C1', score: 1, message: { text: owner, blocks: [] } }, new Date().toISOString());
  },
});
setTimeout(() => {
  void scheduler.stop().then(() => store.close()).then(() => process.exit(0));
}, Number(process.env.RUN_MS ?? 4000));
