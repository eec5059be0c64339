// The real entry points in a child process, as people start them: the built CLI (bin/awscheck.js, needs
// `npm run build`) and the bot (`npm start`'s src/main.ts, through tsx). Each child sees only PATH, a fresh
// HOME and the variables it is given, so nothing from the developer's own environment leaks in.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ChildRun {
  /** The exit code; null when the child was killed (the timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNode(args: readonly string[], cwd: string, env: Record<string, string | undefined>): Promise<ChildRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd, timeout: 60_000, env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

export interface CliOptions {
  /** AWS_ENDPOINT_URL: the fake AWS the child's SDK clients talk to. */
  endpoint: string;
  /** awscheck.yml in the working directory; none when unset. */
  config?: string;
  env?: Record<string, string>;
}

/** `awscheck ARGS` in a fresh working directory (also its HOME), with throwaway keys for the fake AWS. */
export function runBuiltCli(args: readonly string[], options: CliOptions): Promise<ChildRun> {
  const cwd = mkdtempSync(join(tmpdir(), 'awscheck-e2e-'));
  if (options.config !== undefined) writeFileSync(join(cwd, 'awscheck.yml'), options.config);
  return runNode([join(ROOT, 'bin', 'awscheck.js'), ...args], cwd, {
    HOME: cwd,
    AWS_ENDPOINT_URL: options.endpoint,
    AWS_ACCESS_KEY_ID: 'AKIAE2ETESTKEY000000',
    AWS_SECRET_ACCESS_KEY: 'e2e-secret',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...options.env,
  });
}

/** The bot as `npm start` runs it, from the repository root, until it exits (or a minute has passed). */
export function runBot(env: Record<string, string>): Promise<ChildRun> {
  return runNode(['--import', 'tsx', join(ROOT, 'src', 'main.ts')], ROOT, { HOME: mkdtempSync(join(tmpdir(), 'awscheck-bot-')), ...env });
}
