// The /awscheck listener: ack at once, then route the text to a subcommand in the background. Whoever
// typed the command is taken from the signed payload; a restricted subcommand checks AWSCHECK_SCANNERS.
// The answers are in the requester's Slack language (`public` ones in the channel's, AWSCHECK_LOCALE).
import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../src/slack/deps.ts';
import { MSG } from '../../src/slack/messages.ts';
import { ResponseUrl } from '../../src/slack/delivery/response-url.ts';
import { parseCommandText } from './parse.ts';
import { SUBCOMMANDS, route } from './router.ts';
import type { CommandContext, Subcommand } from './types.ts';
import { t } from '../../src/i18n/locale.ts';

export function awscheckCommand(deps: SlackDeps, table: readonly Subcommand[] = SUBCOMMANDS): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond, client, logger }) => {
    await ack();
    const { subcommand, command: rest } = route(parseCommandText(command.text), table);
    const reply = new ResponseUrl(respond);
    deps.background.run(async () => {
      const locale = await deps.userLocales.of(client, command.user_id);
      const ctx: CommandContext = {
        command: rest,
        userId: command.user_id,
        channelId: command.channel_id,
        locale,
        reply,
        client,
        logger,
        deps,
        subcommands: table,
      };
      try {
        if (subcommand.restricted && !(await deps.scanners.allows(client, command.user_id))) {
          await reply.send({ response_type: 'ephemeral', text: t(locale, MSG.notAllowed) });
          return;
        }
        await subcommand.run(ctx);
      } catch (err) {
        logger.error(`awscheck: /awscheck ${subcommand.name} failed:`, err);
        if (reply.remaining > 0) await reply.send({ response_type: 'ephemeral', text: t(locale, MSG.unexpected) });
      }
    });
  };
}
