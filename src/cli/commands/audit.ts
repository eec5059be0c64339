// `awscheck audit`: the remediation audit trail from the store (AWSCHECK_DB), oldest first: who asked, who
// approved or rejected, when, the preview, before and after states, AWS request ids and the outcome.
//   --format csv|json   CSV (default; formula-safe cells) or the awscheck.audit/v1 JSON document
//   --limit N           only the latest N entries
import { type Command, Option } from 'commander';
import { AuditLog, auditToCsv, auditToJson } from '../../remediation/audit.ts';
import { storeConfig } from '../../config/configuration.ts';
import { openStore } from '../../store/open.ts';
import { type CommandIo, CliExit, EXIT } from '../io.ts';

const FORMATS = ['csv', 'json'] as const;

interface AuditFlags {
  format: (typeof FORMATS)[number];
  limit?: string;
}

export function register(program: Command, io: CommandIo): void {
  program
    .command('audit')
    .description('export the audit trail of fixes and accepted risks')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('csv'))
    .option('--limit <n>', 'only the latest N entries')
    .action(async (flags: AuditFlags) => {
      const limit = flags.limit === undefined ? undefined : /^\d+$/.test(flags.limit) ? Number(flags.limit) : NaN;
      if (limit !== undefined && !(limit >= 1)) {
        throw new CliExit(EXIT.usage, `awscheck: --limit: got ${JSON.stringify(flags.limit)}; expected a whole number of entries, 1 or more.`);
      }
      const store = openStore(storeConfig(io.environment, io.cwd));
      try {
        const events = await new AuditLog(store.remediation).events(limit);
        io.stdout.write(flags.format === 'json' ? auditToJson(events) : auditToCsv(events));
      } finally {
        await store.close();
      }
    });
}
