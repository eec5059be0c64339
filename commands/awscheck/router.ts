// The /awscheck subcommands, by first word. To add one, write commands/awscheck/<name>.ts exporting a
// Subcommand and add it to SUBCOMMANDS (or pass it to buildApp's `subcommands`). Text that names no
// subcommand is a scan: `/awscheck`, `/awscheck s3`, `/awscheck iam.root-mfa region=us-east-1`.
import { auditCommand } from './audit.ts';
import { checksCommand } from './checks.ts';
import { explainCommand } from './explain.ts';
import { helpCommand } from './help.ts';
import type { ParsedCommand } from './parse.ts';
import { risksCommand } from './risks.ts';
import { scanCommand } from './scan.ts';
import type { Subcommand } from './types.ts';

export const SUBCOMMANDS: readonly Subcommand[] = [scanCommand, explainCommand, checksCommand, risksCommand, auditCommand, helpCommand];

export interface Route {
  subcommand: Subcommand;
  /** The command without the subcommand's name. */
  command: ParsedCommand;
}

export function route(parsed: ParsedCommand, table: readonly Subcommand[] = SUBCOMMANDS): Route {
  const [first, ...rest] = parsed.words;
  const named = first === undefined ? undefined : table.find((s) => s.name === first);
  if (named) return { subcommand: named, command: { ...parsed, words: rest } };
  return { subcommand: table.find((s) => s.name === 'scan') ?? scanCommand, command: parsed };
}

/** The built-in table plus extra subcommands; an extra one with a built-in name replaces it. */
export function subcommandTable(extra: readonly Subcommand[] = []): Subcommand[] {
  const names = new Set(extra.map((s) => s.name));
  return [...SUBCOMMANDS.filter((s) => !names.has(s.name)), ...extra];
}
