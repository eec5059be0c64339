// `awscheck checks`: the catalogue, as CHECKS.md lists it.
import { type Command, Option } from 'commander';
import { ALL_CHECKS } from '../../../checks/index.ts';
import { loadConfig } from '../../config/load.ts';
import { LOCALES, type Locale, t } from '../../i18n/locale.ts';
import { CLI_TEXT, SEVERITY_LABEL } from '../../render/messages.ts';
import type { CommandIo } from '../io.ts';

export function register(program: Command, io: CommandIo): void {
  program
    .command('checks')
    .description('list the checks: id, severity, CIS, Security Hub, title')
    .addOption(new Option('--locale <locale>', 'language of the titles').choices(LOCALES))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((flags: { locale?: Locale; format: 'table' | 'json' }) => {
      // The configured language (AWSCHECK_LOCALE or awscheck.yml), validated like every command's.
      const locale = flags.locale ?? loadConfig(io.environment, io.cwd).settings.locale;
      if (flags.format === 'json') {
        const rows = ALL_CHECKS.map((c) => ({
          id: c.id,
          service: c.service,
          severity: c.severity,
          cis: c.cis,
          securityHub: c.securityHub,
          title: t(locale, c.title),
        }));
        io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const lines = [t(locale, CLI_TEXT.checksHeader)];
      for (const c of ALL_CHECKS) {
        lines.push(
          [c.id, t(locale, SEVERITY_LABEL[c.severity]), c.cis.join(', ') || '-', c.securityHub.join(', ') || '-', t(locale, c.title)].join('\t'),
        );
      }
      io.stdout.write(`${lines.join('\n')}\n`);
    });
}
