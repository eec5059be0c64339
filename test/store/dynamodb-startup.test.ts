// `npm start` with AWSCHECK_DB=dynamodb://… and no such table: the bot stops before connecting to Slack, with
// one configuration message naming the command that creates the table.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '../helpers/dynamodb-local.ts';

let local: DynamoDbLocal;
beforeAll(async () => {
  local = await startDynamoDbLocal();
});
afterAll(async () => {
  await local.close();
});

it('stops at start-up on a missing table, naming `npx awscheck store init`', async () => {
  const root = join(import.meta.dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      PORT: '0',
      AWSCHECK_DB: 'dynamodb://awscheck-missing?region=us-east-1',
      AWS_ENDPOINT_URL_DYNAMODB: local.endpoint,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(2);
  expect(output).toContain('AWSCHECK_DB: the DynamoDB table dynamodb://awscheck-missing (region us-east-1) does not exist. Create it with `npx awscheck store init`');
  expect(output).not.toMatch(/is running|is listening/);
}, 60_000);
