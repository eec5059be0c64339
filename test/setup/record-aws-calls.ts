// In every test worker: remember each AWS command a session sends, and leave the list for the
// least-privilege check that runs after the whole suite (test/setup/least-privilege.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { onAwsCall } from '../../src/aws/call-log.ts';
import { CALL_LOG_DIR } from './call-log-dir.ts';

const seen = new Set<string>();
onAwsCall((call) => seen.add(`${call.purpose} ${call.client} ${call.command}`));

afterAll(() => {
  if (seen.size === 0) return;
  mkdirSync(CALL_LOG_DIR, { recursive: true });
  writeFileSync(join(CALL_LOG_DIR, `${process.pid}-${Math.random().toString(36).slice(2)}.txt`), [...seen].join('\n'));
});
