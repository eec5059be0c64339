// Runs the CLI in-process and captures what it prints.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.ts';

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runAwscheck(args: string[], env: Record<string, string | undefined> = {}, cwd?: string): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(args, {
    stdout,
    stderr,
    env: { ...process.env, ...env },
    cwd: cwd ?? mkdtempSync(join(tmpdir(), 'awscheck-cli-')),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
