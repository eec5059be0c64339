// The shape of every button and menu listener that does real work: ack at once (Slack wants its answer within
// 3 s), then work in the background knowing who clicked (body.user.id, from the signed payload), in which
// language they read, and how to answer only them.
import type { AllMiddlewareArgs, BlockAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { type Clicker, clickerOf } from '../remediation/replies.ts';

export type ClickArgs<A extends BlockAction> = SlackActionMiddlewareArgs<A> & AllMiddlewareArgs;

export function afterAck<A extends BlockAction>(deps: SlackDeps, work: (clicker: Clicker, args: ClickArgs<A>) => Promise<void>): Middleware<SlackActionMiddlewareArgs<A>> {
  return async (args) => {
    await args.ack();
    deps.background.run(async () => work(await clickerOf(deps, args.client, args.body.user.id, args.respond), args));
  };
}
