// `awscheck checks`: the catalogue, as CHECKS.md lists it.
import { type Command, Option } from 'commander';
import { ALL_CHECKS } from '../../../checks/index.ts';
import { LOCALES, type Locale } from '../../i18n/locale.ts';
import { CLI_TEXT, SEVERITY_LABEL } from '../../render/messages.ts';
import type { CliIo } from '../io.ts';

export function register(program: Command, io: CliIo): void {
  program
    .command('checks')
    .description('list the checks: id, severity, CIS, Security Hub, title')
    .addOption(new Option('--locale <locale>', 'language of the titles').choices(LOCALES))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((flags: { locale?: Locale; format: 'table' | 'json' }) => {
      const locale = flags.locale ?? (io.env.AWSCHECK_LOCALE === 'ja' ? 'ja' : 'en');
      if (flags.format === 'json') {
        const rows = ALL_CHECKS.map((c) => ({
          id: c.id,
          service: c.service,
          severity: c.severity,
          cis: c.cis,
          securityHub: c.securityHub,
          title: c.title[locale],
        }));
        io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const lines = [CLI_TEXT.checksHeader[locale]];
      for (const c of ALL_CHECKS) {
        lines.push(
          [c.id, SEVERITY_LABEL[c.severity][locale], c.cis.join(', ') || '-', c.securityHub.join(', ') || '-', c.title[locale]].join('\t'),
        );
      }
      io.stdout.write(`${lines.join('\n')}\n`);
    });
}
