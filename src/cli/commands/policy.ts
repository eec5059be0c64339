// `awscheck policy`: the least-privilege IAM policy generated from the checks' own declarations, or with
// --remediation the policy of the role fixes run with, generated from the fixes' declarations. With
// AWSCHECK_DB=dynamodb://TABLE the scan policy also grants the bot its table (and denies changing the audit trail).
import type { Command } from 'commander';
import { ALL_CHECKS } from '../../../checks/index.ts';
import { ALL_FIXES } from '../../../checks/fixes.ts';
import { selectChecks } from '../../engine/selection.ts';
import { alertsPolicy } from '../../policy/alerts.ts';
import { readOnlyPolicy } from '../../policy/read-only.ts';
import { remediationPolicy } from '../../policy/remediation.ts';
import { parseDynamoDbUrl } from '../../config/environment.ts';
import { dynamoDbStatements, tableArnFor } from '../../store/dynamodb/permissions.ts';
import type { CommandIo } from '../io.ts';
import { selectionFromFlags } from './scan.ts';

export function register(program: Command, io: CommandIo): void {
  program
    .command('policy')
    .description('print the read-only IAM policy the selected checks need (--remediation: the fixes\' write policy)')
    .option('--service <list>', 'only these services')
    .option('--check <ids>', 'only these checks')
    .option('--remediation', 'the policy for AWSCHECK_REMEDIATION_ROLE_ARN / remediationRoleArn: what the fixes of the selected checks read and write')
    .option('--alerts', "the bot's own permissions on its events queue (AWSCHECK_EVENTS_QUEUE_URL) for real-time alerts")
    .action((flags: { service?: string; check?: string; remediation?: boolean; alerts?: boolean }) => {
      if (flags.alerts) {
        io.stdout.write(`${JSON.stringify(alertsPolicy(io.environment.AWSCHECK_EVENTS_QUEUE_URL), null, 2)}\n`);
        return;
      }
      const checks = selectChecks(ALL_CHECKS, selectionFromFlags(flags));
      if (flags.remediation) {
        const ids = new Set(checks.map((c) => c.id));
        const fixes = ALL_FIXES.filter((fix) => fix.checkIds.some((id) => ids.has(id)));
        io.stdout.write(`${JSON.stringify(remediationPolicy(fixes), null, 2)}\n`);
        return;
      }
      const policy = readOnlyPolicy(checks);
      const table = parseDynamoDbUrl(io.environment.AWSCHECK_DB ?? '');
      const region = table?.region ?? (io.environment.AWS_REGION?.trim() || io.environment.AWS_DEFAULT_REGION?.trim() || undefined);
      const document = table ? { ...policy, Statement: [...policy.Statement, ...dynamoDbStatements(tableArnFor(table.table, region))] } : policy;
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    });
}
