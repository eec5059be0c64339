// `awscheck report`: the daily posture report from a terminal or an external scheduler (cron, CI).
//   --print   Markdown to stdout (the default)
//   --post    to AWSCHECK_REPORT_CHANNEL (needs SLACK_BOT_TOKEN), stored like the bot's own reports
//   --scan    run a fresh scan first (saved to the store); otherwise the latest stored scan is used
//   --repost  re-post the latest report Slack refused (or the report with the given id)
//   --chart   also write the 30-day trend chart (PNG) to the given file
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { botToken, reportConfig, storeConfig } from '../../config/configuration.ts';
import { ConfigError } from '../../config/errors.ts';
import { loadConfig } from '../../config/load.ts';
import { composeHistory, engineRunner, storeMutes } from '../../app/compose.ts';
import { renderMarkdown } from '../../report/markdown.ts';
import { NoScanError } from '../../report/prepare.ts';
import { createSlackClient } from '../../slack/delivery/slack-client.ts';
import type { ReportRecord } from '../../store/store.ts';
import { type CommandIo, CliExit, EXIT } from '../io.ts';

interface ReportFlags {
  print?: boolean;
  post?: boolean;
  scan?: boolean;
  repost?: string | boolean;
  chart?: string;
}

function outcome(io: CommandIo, record: ReportRecord): void {
  if (record.status === 'posted') {
    io.stdout.write(`Posted the report to ${record.channel} (report ${record.id}).\n`);
    if (record.error) io.stderr.write(`awscheck: ${record.error}\n`);
    return;
  }
  throw new CliExit(EXIT.unavailable, `awscheck: report ${record.id} was not posted: ${record.error ?? record.status}`);
}

export function register(program: Command, io: CommandIo): void {
  program
    .command('report')
    .description('the posture report: score, what is new and resolved since the last report, errors first')
    .option('--print', 'print the report as Markdown (the default)')
    .option('--post', 'post the report to AWSCHECK_REPORT_CHANNEL (needs SLACK_BOT_TOKEN)')
    .option('--scan', 'run a fresh scan first instead of using the latest stored one')
    .option('--repost [id]', 'post again a report Slack refused (default: the latest one)')
    .option('--chart <file>', 'also write the 30-day trend chart as a PNG file (score and failing counts by severity)')
    .action(async (flags: ReportFlags) => {
      const { settings } = loadConfig(io.environment, io.cwd);
      const stored = storeConfig(io.environment, io.cwd);
      const report = reportConfig(io.environment);
      const { channel } = report;
      const posting = Boolean(flags.post || flags.repost);
      if (posting && !channel) {
        throw new ConfigError(['AWSCHECK_REPORT_CHANNEL: not set, and posting needs it. Set it to the channel ID (channel details → About → Channel ID) and invite the bot there with /invite @awscheck.']);
      }
      const token = posting ? botToken(io.environment, ', and --post needs it') : 'xoxb-unused';
      // Checked like the bot's (no password in the URL, which would reach the Web API client's logs).
      const apiUrl = io.environment.SLACK_API_URL;
      const { locale } = settings;
      const { store, recorder, reports } = composeHistory({
        settings,
        store: stored,
        report,
        // The CLI's one Web API client; without --post or --repost it never calls Slack.
        slack: createSlackClient(token, apiUrl ? { slackApiUrl: apiUrl } : {}),
        logger: {
          info: () => undefined,
          warn: (message: string) => io.stderr.write(`${message}
`),
          error: (message: string) => io.stderr.write(`${message}
`),
        },
      });
      // Accepted risks show as MUTED in the scan, as they do in the bot's.
      // A fresh scan streams into the store account by account (ReportService then finds it saved).
      const runner = engineRunner(settings, io.env, await storeMutes(store), recorder);
      try {
        if (flags.repost) {
          const record = await reports.repost(typeof flags.repost === 'string' ? flags.repost : undefined);
          if (!record) throw new CliExit(EXIT.ok, 'awscheck: no report is waiting to be re-posted.');
          outcome(io, record);
          return;
        }
        if (flags.post) {
          const { record, report } = await reports.post(flags.scan ? runner : undefined);
          if (flags.print) io.stdout.write(renderMarkdown(report, locale));
          if (flags.chart) await writeFile(resolve(io.cwd, flags.chart), await reports.chart(report));
          outcome(io, record);
          return;
        }
        const fresh = flags.scan ? await reports.freshScan(runner) : undefined;
        const report = await reports.compose(fresh);
        io.stdout.write(renderMarkdown(report, locale));
        if (flags.chart) await writeFile(resolve(io.cwd, flags.chart), await reports.chart(report));
      } catch (err) {
        if (err instanceof NoScanError) throw new CliExit(EXIT.usage, `awscheck: ${err.message}`);
        throw err;
      } finally {
        await store.close();
      }
    });
}
