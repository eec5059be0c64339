// The `awscheck` CLI: parses arguments, runs one command, and maps every failure to a documented exit code.
import { Command, CommanderError } from 'commander';
import { processEnvironment, readEnvironment } from '../config/environment.ts';
import { ConfigError } from '../config/errors.ts';
import { ScanUnavailableError } from '../engine/scan.ts';
import { SelectionError } from '../engine/selection.ts';
import { register as registerAudit } from './commands/audit.ts';
import { register as registerChecks } from './commands/checks.ts';
import { register as registerPolicy } from './commands/policy.ts';
import { register as registerReport } from './commands/report.ts';
import { register as registerScan } from './commands/scan.ts';
import { register as registerStore } from './commands/store.ts';
import { type CliIo, CliExit, type CommandIo, EXIT } from './io.ts';

/** Each subcommand is one module with a `register(program, io)`; add new ones here. */
const COMMANDS: readonly ((program: Command, io: CommandIo) => void)[] = [registerScan, registerChecks, registerPolicy, registerReport, registerAudit, registerStore];

export function buildProgram(io: CommandIo): Command {
  const program = new Command('awscheck')
    .description('checks the customer side of the AWS shared responsibility model')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const registerCommand of COMMANDS) registerCommand(program, io);
  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit, so tests run it in-process). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    // The environment is parsed once, before any command reads it; an empty variable is a usage error (2).
    const program = buildProgram({ ...io, environment: readEnvironment(io.env) });
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successful exits; everything else commander rejects is usage.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof CliExit) {
      if (err.message) io.stderr.write(`${err.message}\n`);
      return err.code;
    }
    if (err instanceof ConfigError || err instanceof SelectionError) {
      io.stderr.write(`awscheck: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof ScanUnavailableError) {
      io.stderr.write(`awscheck: the scan could not run: ${err.message}\n`);
      return EXIT.unavailable;
    }
    io.stderr.write(`awscheck: unexpected error: ${(err as Error).message}\n`);
    return EXIT.unavailable;
  }
}

export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: processEnvironment(),
    cwd: process.cwd(),
  });
}
