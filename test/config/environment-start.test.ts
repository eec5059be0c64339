// `npm start` with empty and bad variables: the real entry point in a child process reads the environment
// through the one loader, lists every problem in one message (empty ones and invalid ones alike), exits 2,
// and never prints a token.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

it('stops the bot with exit 2 and one message naming every empty and invalid variable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'awscheck-env-start-'));
  const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src', 'main.ts')],
      {
        cwd: ROOT,
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          SLACK_BOT_TOKEN: 'xapp-1-not-the-bot-token',
          SLACK_SIGNING_SECRET: '',
          AWSCHECK_DB: ' ',
          AWSCHECK_APPROVAL_TTL: '3 weeks',
          AWSCHECK_LOCALE: '',
        },
      },
      (err, _stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stderr }),
    );
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/SLACK_SIGNING_SECRET: set but empty/);
  expect(run.stderr).toMatch(/AWSCHECK_DB: set but empty/);
  expect(run.stderr).toMatch(/AWSCHECK_LOCALE: set but empty/);
  expect(run.stderr).toMatch(/AWSCHECK_APPROVAL_TTL: got "3 weeks"/);
  expect(run.stderr).toMatch(/SLACK_BOT_TOKEN: got \(hidden\)/);
  expect(run.stderr).not.toContain('not-the-bot-token');
}, 90_000);
