// `/awscheck help`
import { MSG } from '../../src/slack/messages.ts';
import { replyWithHelp } from './reply.ts';
import type { Subcommand } from './types.ts';

export const helpCommand: Subcommand = {
  name: 'help',
  help: MSG.helpHelp,
  restricted: false,
  async run(ctx) {
    await replyWithHelp(ctx);
  },
};
