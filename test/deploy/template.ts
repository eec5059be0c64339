// Reads a synthesized CloudFormation template the way CloudFormation would for known parameter values:
// Ref and Fn::Join resolved, so a generated policy can be compared with what `awscheck policy` prints.
import { ContainerImage } from 'aws-cdk-lib/aws-ecs';
import { buildApp } from '../../deploy/lib/app.ts';

/** A CloudFormation template fragment: JSON whose shape the assertions check. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Cfn = Record<string, any>;

export const CONTEXT = {
  'awscheck:externalId': 'ext-1234567890',
  'awscheck:organizationId': 'o-abcdef1234',
  'awscheck:organizationalUnits': 'ou-ab12-11111111,ou-ab12-22222222',
  'awscheck:slackBotTokenSecret': 'team/awscheck-bot-token',
  'awscheck:slackAppTokenSecret': 'team/awscheck-app-token',
  'awscheck:reportChannel': 'C0123REPORT',
  'awscheck:alertChannel': 'C0456ALERTS',
};

/** The app as the CLI builds it, with a registry image so no test stages the repository as a Docker asset. */
export function testApp(context: Record<string, string> = CONTEXT) {
  return buildApp({ context }, { image: ContainerImage.fromRegistry('public.ecr.aws/example/awscheck:test') });
}

export function resolve(value: unknown, refs: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, refs));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === 'Ref') {
    const name = obj.Ref as string;
    if (!(name in refs)) throw new Error(`no value for Ref ${name}`);
    return refs[name];
  }
  if (keys.length === 1 && keys[0] === 'Fn::Join') {
    const [sep, parts] = obj['Fn::Join'] as [string, unknown];
    const resolved = resolve(parts, refs);
    return (resolved as unknown[]).flat().join(sep);
  }
  return Object.fromEntries(keys.map((k) => [k, resolve(obj[k], refs)]));
}
