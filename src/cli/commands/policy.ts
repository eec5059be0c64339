// `awscheck policy`: the least-privilege IAM policy generated from the checks' own declarations.
import type { Command } from 'commander';
import { ALL_CHECKS } from '../../../checks/index.ts';
import { selectChecks } from '../../engine/selection.ts';
import { readOnlyPolicy } from '../../policy/read-only.ts';
import type { CliIo } from '../io.ts';
import { selectionFromFlags } from './scan.ts';

export function register(program: Command, io: CliIo): void {
  program
    .command('policy')
    .description('print the read-only IAM policy the selected checks need')
    .option('--service <list>', 'only these services')
    .option('--check <ids>', 'only these checks')
    .action((flags: { service?: string; check?: string }) => {
      const checks = selectChecks(ALL_CHECKS, selectionFromFlags(flags));
      io.stdout.write(`${JSON.stringify(readOnlyPolicy(checks), null, 2)}\n`);
    });
}
