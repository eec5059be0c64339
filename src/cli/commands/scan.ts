// `awscheck scan`: the engine from a terminal or a CI pipeline.
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { ALL_CHECKS } from '../../../checks/index.ts';
import { storeMutes } from '../../app/compose.ts';
import { storeConfig } from '../../config/configuration.ts';
import { splitList } from '../../config/list.ts';
import { loadConfig } from '../../config/load.ts';
import { type ScanOptions, scan } from '../../engine/scan.ts';
import { atOrAbove } from '../../engine/sort.ts';
import { type CheckResult, SEVERITIES, type ScanReport, type ScanSelection, type Service, type Severity } from '../../engine/types.ts';
import { openStore } from '../../store/open.ts';
import { resultsToCsv } from '../../render/csv.ts';
import { progressLine } from '../../render/progress.ts';
import { renderTable } from '../../render/table.ts';
import { type CommandIo, CliExit, EXIT } from '../io.ts';
import { documentResult, ResultSpool } from '../result-spool.ts';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

interface ScanFlags {
  service?: string;
  check?: string;
  account?: string;
  region?: string;
  format: Format;
  output?: string;
  failOn?: Severity;
}

export function selectionFromFlags(flags: Pick<ScanFlags, 'service' | 'check' | 'account' | 'region'>): ScanSelection {
  const selection: ScanSelection = {};
  if (flags.service) selection.services = splitList(flags.service) as Service[];
  if (flags.check) selection.checks = splitList(flags.check);
  if (flags.account) selection.accounts = splitList(flags.account);
  if (flags.region) selection.regions = splitList(flags.region);
  return selection;
}

export function formatReport(report: ScanReport, format: Format, locale: 'en' | 'ja'): string {
  // awscheck.scan/v1 stays as it was: results with their evidence worded, without the messages.
  if (format === 'json') return `${JSON.stringify({ ...report, results: report.results.map(documentResult) }, null, 2)}\n`;
  if (format === 'csv') return resultsToCsv(report.results, locale);
  return renderTable(report, locale);
}

/** Whether a FAIL, or an ERROR (unknown), is at or above the threshold: CI must not pass on what it could not see. */
function failsGate(results: readonly CheckResult[], failOn?: Severity): boolean {
  if (!failOn) return false;
  const gate = atOrAbove(failOn);
  return results.some((r) => (r.status === 'FAIL' || r.status === 'ERROR') && gate(r));
}


/**
 * Risks accepted in Slack hold in the terminal and in CI too (MUTED, not failing --fail-on), when the bot's
 * store is reachable here; without one, nothing is muted (and no database is created).
 */
async function acceptedRisks(io: CommandIo): Promise<ScanOptions['mute']> {
  const config = storeConfig(io.environment, io.cwd);
  if (!config.dynamodb && !existsSync(config.path)) return undefined;
  const store = openStore(config);
  try {
    return await storeMutes(store);
  } finally {
    await store.close();
  }
}

export function register(program: Command, io: CommandIo): void {
  program
    .command('scan')
    .description('run the checks and print the results')
    .option('--service <list>', 'services to scan: iam,s3,ec2,ssm,detect')
    .option('--check <ids>', 'check ids to run (see `awscheck checks`)')
    .option('--account <ids>', 'account ids or names from the config')
    .option('--region <list>', 'regions, e.g. us-east-1,ap-northeast-1')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--output <file>', 'write the output to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 on a finding at or above this severity').choices(SEVERITIES))
    .action(async (flags: ScanFlags) => {
      const { settings } = loadConfig(io.environment, io.cwd);
      const showProgress = Boolean(io.stderr.isTTY);
      let last = '';
      const mute = await acceptedRisks(io);
      // JSON keeps no results in memory: each account's go to a spool as it finishes (src/cli/result-spool.ts).
      // The table and CSV are laid out from all results at once, so they keep them.
      const spool = flags.format === 'json' ? new ResultSpool() : undefined;
      let failing = false;
      try {
        const report = await scan(
          selectionFromFlags(flags),
          { settings, checks: ALL_CHECKS, env: io.env },
          {
            ...(mute ? { mute } : {}),
            ...(spool
              ? {
                  keepResults: false,
                  onAccount: (part) => {
                    spool.add(part.results);
                    failing ||= failsGate(part.results, flags.failOn);
                  },
                }
              : {}),
            onProgress: showProgress
              ? (progress) => {
                  const text = progressLine(progress, settings.locale);
                  if (text !== last) io.stderr.write(`\r\x1b[2K${(last = text)}`);
                }
              : undefined,
          },
        );
        if (showProgress) io.stderr.write('\r\x1b[2K');
        if (spool) {
          const file = flags.output ? createWriteStream(resolve(io.cwd, flags.output)) : undefined;
          await spool.writeDocument(report, file ?? io.stdout);
          if (file) await finished(file.end());
        } else {
          const output = formatReport(report, flags.format, settings.locale);
          if (flags.output) writeFileSync(resolve(io.cwd, flags.output), output);
          else io.stdout.write(output);
          failing = failsGate(report.results, flags.failOn);
        }
      } finally {
        spool?.dispose();
      }
      if (failing) throw new CliExit(EXIT.findings, '');
    });
}
