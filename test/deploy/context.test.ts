import { readFileSync } from 'node:fs';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { readContext } from '../../deploy/lib/context.ts';
import { AwsSolutionsChecks } from '../../deploy/lib/nag.ts';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

describe('the deployment context', () => {
  it('has defaults that synth offline, and turns channel settings into AWSCHECK_* variables', () => {
    expect(readContext(from({}))).toEqual({
      readRoleName: 'awscheck-read',
      fixRoleName: 'awscheck-fix',
      callAs: 'SELF',
      slackBotTokenSecret: 'awscheck/slack-bot-token',
      slackAppTokenSecret: 'awscheck/slack-app-token',
      environment: {},
      desiredCount: 2,
      logRetentionDays: 30,
    });
    const ctx = readContext(
      from({ 'awscheck:organizationalUnits': 'ou-ab12-11111111, r-ab12', 'awscheck:reportChannel': 'C1', 'awscheck:approvers': 'U1,U2', 'awscheck:eventRegions': ['eu-west-1', 'us-east-1'] }),
    );
    expect(ctx.organizationalUnits).toEqual(['ou-ab12-11111111', 'r-ab12']);
    expect(ctx.eventRegions).toEqual(['eu-west-1', 'us-east-1']);
    expect(ctx.environment).toEqual({ AWSCHECK_REPORT_CHANNEL: 'C1', AWSCHECK_APPROVERS: 'U1,U2' });
  });

  it('names every wrong value and how to write it', () => {
    expect(() =>
      readContext(
        from({
          'awscheck:organizationalUnits': '111111111111',
          'awscheck:externalId': 'has "quotes"',
          'awscheck:organizationId': 'org-1',
          'awscheck:logRetentionDays': '10',
          'awscheck:vpcId': 'vpc-1',
          'awscheck:callAs': 'ME',
        }),
      ),
    ).toThrow(
      /awscheck:externalId[\s\S]*awscheck:organizationId: got "org-1"[\s\S]*awscheck:organizationalUnits: got "111111111111"[\s\S]*awscheck:callAs[\s\S]*awscheck:logRetentionDays: got 10; expected one of 1, 3, 5[\s\S]*awscheck:vpcId and awscheck:subnetIds/,
    );
  });
});

describe('the cdk-nag gate', () => {
  it('fails synthesis on a finding nobody acknowledged', { timeout: 120_000 }, () => {
    const app = new App();
    const stack = new Stack(app, 'Rogue');
    const role = new Role(stack, 'Rogue', { assumedBy: new ServicePrincipal('ecs-tasks.amazonaws.com') });
    role.addToPolicy(new PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5/);
  });
});

describe('the container image', () => {
  it('runs what `npm start` runs, as a non-root user, with production dependencies only', () => {
    const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(cmd.join(' ')).toBe(pkg.scripts.start);
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const runtime = stages.at(-1)!;
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toMatch(/npm (ci|install)\b/);
    expect(stages.find((s) => /AS deps/.test(s))).toMatch(/npm ci --omit=dev/);
    const ignored = readFileSync(new URL('../../.dockerignore', import.meta.url), 'utf8').split('\n');
    for (const path of ['**/node_modules', 'dist', '.env', 'deploy/cdk.out', '.git']) expect(ignored).toContain(path);
  });
});
