// The shape of a /awscheck subcommand. To add one (report, risks, audit…): write commands/awscheck/<name>.ts
// exporting a Subcommand, and add it to the table in commands/awscheck/router.ts.
import type { Logger, webApi } from '@slack/bolt';
import type { Locale, Localized } from '../../src/i18n/locale.ts';
import type { SlackDeps } from '../../src/slack/deps.ts';
import type { ResponseUrl } from '../../src/slack/delivery/response-url.ts';
import type { ParsedCommand } from './parse.ts';

export interface CommandContext {
  /** The command text, without the subcommand's own name. */
  command: ParsedCommand;
  /** From the signed request: who typed the command, and where. */
  userId: string;
  channelId: string;
  /** The requester's Slack language: what only they read is in it (answerLocale says which to use). */
  locale: Locale;
  /** Replies through the command's response_url (five at most). */
  reply: ResponseUrl;
  client: webApi.WebClient;
  logger: Logger;
  deps: SlackDeps;
  /** The whole table, for help. */
  subcommands: readonly Subcommand[];
}

export interface Subcommand {
  /** The first word that selects it, e.g. `explain`. */
  name: string;
  /** mrkdwn lines for the help: usage — what it does. */
  help: Localized;
  /** Only people in AWSCHECK_SCANNERS may run it (checked before run, from the signed payload). */
  restricted: boolean;
  run(ctx: CommandContext): Promise<void>;
}
