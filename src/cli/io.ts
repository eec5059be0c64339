// What a CLI command may touch, injected so tests run commands in-process.
import type { Environment } from '../config/environment.ts';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** The variables as given; only the config loader reads them, and the SDK its own. */
  env: Record<string, string | undefined>;
  cwd: string;
}

/** What a command gets: the same, with the environment parsed once (src/config/environment.ts). */
export interface CommandIo extends CliIo {
  environment: Environment;
}

/** Exit codes are a public interface: 0 ok, 1 findings at/above --fail-on, 2 usage/config, 3 scan impossible. */
export const EXIT = { ok: 0, findings: 1, usage: 2, unavailable: 3 } as const;

/** Thrown by a command to end with a given exit code and message. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

