// The CDK app: the bot's stack and the member side as StackSets, plus the member templates on their own for
// a single account without Organizations. Split by lifecycle: each can be deployed or deleted alone.
import { App, type AppProps, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from './nag.ts';
import { readContext } from './context.ts';
import { BotStack, type BotStackProps } from './bot-stack.ts';
import { MemberEventsStack } from './member-events.ts';
import { MemberRolesStack } from './member-roles.ts';
import { MemberStackSetsStack, memberSynthesizer } from './stacksets-stack.ts';

export const STACK_NAMES = {
  bot: 'AwscheckBot',
  stackSets: 'AwscheckMemberStackSets',
  roles: 'AwscheckMemberRoles',
  events: 'AwscheckMemberEvents',
} as const;

export interface AwscheckApp {
  app: App;
  bot: BotStack;
  stackSets: MemberStackSetsStack;
  roles: MemberRolesStack;
  events: MemberEventsStack;
}

export function buildApp(props: AppProps = {}, bot: Pick<BotStackProps, 'image'> = {}): AwscheckApp {
  const app = new App(props);
  const ctx = readContext((key) => app.node.tryGetContext(key));
  // The account and region the CLI deploys to (from its credentials); unknown offline, which synth allows.
  const env: Environment = {
    ...(process.env.CDK_DEFAULT_ACCOUNT ? { account: process.env.CDK_DEFAULT_ACCOUNT } : {}),
    ...(process.env.CDK_DEFAULT_REGION ? { region: process.env.CDK_DEFAULT_REGION } : {}),
  };
  const botStack = new BotStack(app, STACK_NAMES.bot, ctx, { env, ...bot });
  const stackSets = new MemberStackSetsStack(app, STACK_NAMES.stackSets, ctx, { env });
  // The member roles trust the bot's task role, which IAM requires to exist first.
  stackSets.addStackDependency(botStack);
  const roles = new MemberRolesStack(app, STACK_NAMES.roles, { readRoleName: ctx.readRoleName, fixRoleName: ctx.fixRoleName, synthesizer: memberSynthesizer() });
  const events = new MemberEventsStack(app, STACK_NAMES.events, { synthesizer: memberSynthesizer() });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, bot: botStack, stackSets, roles, events };
}
