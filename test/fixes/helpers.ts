// Shared pieces of the fix tests: a remediation context over mocked AWS clients, findings as the checks
// write them, and the least-privilege assertion every fix test ends with.
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SSMClient } from '@aws-sdk/client-ssm';
import { type AwsStub, mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, expect } from 'vitest';
import { createSession } from '../../src/aws/session.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import type { CheckResult } from '../../src/engine/types.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { iamActionFor } from '../../src/policy/command-actions.ts';
import { remediationActions } from '../../src/policy/remediation.ts';
import { type AnyFix, createFixContext, type FixContext, type FixDefinition, type FixOutcome } from '../../src/remediation/fix.ts';
import { TEST_ACCOUNT, TEST_NOW } from '../helpers/evaluate.ts';

export { TEST_ACCOUNT, TEST_NOW };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStub = AwsStub<any, any, any>;

export interface SentCall {
  client: string;
  command: string;
  input: Record<string, unknown>;
  region: Promise<string>;
}

/** Every AWS client a fix may use, mocked; unmocked commands answer undefined, so tests mock what they need. */
export function mockAws() {
  const stubs = {
    EC2Client: mockClient(EC2Client),
    SSMClient: mockClient(SSMClient),
    IAMClient: mockClient(IAMClient),
    S3Client: mockClient(S3Client),
    S3ControlClient: mockClient(S3ControlClient),
  };
  return {
    ec2: stubs.EC2Client,
    ssm: stubs.SSMClient,
    iam: stubs.IAMClient,
    s3: stubs.S3Client,
    s3control: stubs.S3ControlClient,
    reset(): void {
      for (const stub of Object.values(stubs)) stub.reset();
    },
    restore(): void {
      for (const stub of Object.values(stubs)) stub.restore();
    },
    /** Everything sent, in order per client. */
    sent(): SentCall[] {
      return Object.entries(stubs).flatMap(([client, stub]: [string, AnyStub]) =>
        stub.calls().map((call) => {
          const command = call.args[0] as { constructor: { name: string }; input: Record<string, unknown> };
          const sdk = call.thisValue as { config: { region: () => Promise<string> } };
          return { client, command: command.constructor.name, input: command.input, region: sdk.config.region() };
        }),
      );
    },
  };
}

export type Aws = ReturnType<typeof mockAws>;

/** Every command the fix sent must be one it declared, and one the generated remediation policy allows. */
export function expectDeclaredCalls(fix: AnyFix, aws: Aws): void {
  const declared = [...fix.actions.read, ...fix.actions.write];
  const allowed = remediationActions();
  for (const call of aws.sent()) {
    const action = iamActionFor(call.client, call.command);
    expect(declared, `${fix.id} sent ${call.command} but does not declare ${action}`).toContain(action);
    expect(allowed, `the remediation policy lacks ${action}`).toContain(action);
  }
}

/** mockAws() for a file of one fix's tests: after each test its calls must be declared ones, then the mocks reset. */
export function mockAwsFor(fix: AnyFix): Aws {
  const aws = mockAws();
  afterEach(() => {
    expectDeclaredCalls(fix, aws);
    aws.reset();
  });
  afterAll(() => aws.restore());
  return aws;
}

/** Undoes what apply returned, from the record the service would have stored (without request ids). */
export function undoApplied<I>(fix: FixDefinition<I>, finding: CheckResult, applied: FixOutcome, ctx: FixContext, inputs?: I): Promise<FixOutcome> {
  // Fixes without inputs take {}; the cast only spares each caller from spelling it.
  return fix.undo({ fixId: fix.id, finding, inputs: inputs ?? ({} as I), before: applied.before, after: applied.after, requestIds: [] }, ctx);
}

/** The writes sent (every command but a Describe, Get or List), dry runs aside: what the fix changed in AWS. */
export function writesSent(aws: Aws): SentCall[] {
  return aws.sent().filter((c) => !/^(Describe|Get|List)/.test(c.command) && !c.input['DryRun']);
}

/** A journal as the service keeps it; `log` has what was recorded and how many writes had been sent before. */
export function recordingJournal(aws: Aws, entries?: unknown) {
  const log: { writesBefore: number; entries: unknown }[] = [];
  const journal = {
    key: 'abcdef12-3456-7890-abcd-ef1234567890',
    entries,
    async record(next: unknown) {
      log.push({ writesBefore: writesSent(aws).length, entries: next });
      journal.entries = next;
    },
  };
  return { journal, log };
}

export function fixContext(options: { locale?: Locale; purpose?: 'scan' | 'remediate'; accountId?: string } = {}): FixContext {
  const locale = options.locale ?? 'en';
  const session = createSession({ id: options.accountId ?? TEST_ACCOUNT, name: 'test' }, options.purpose ?? 'remediate', {
    settings: defaultSettings({ locale, homeRegion: 'us-east-1' }),
  });
  return createFixContext({ session, locale, clock: { now: () => TEST_NOW }, sleep: async () => undefined });
}

export function finding(overrides: Partial<CheckResult> & Pick<CheckResult, 'checkId' | 'resourceId'>): CheckResult {
  return {
    status: 'FAIL',
    severity: 'high',
    accountId: TEST_ACCOUNT,
    region: 'eu-west-1',
    resourceType: 'AWS::Test::Resource',
    evidence: 'test finding',
    details: {},
    ...overrides,
  };
}

/** An error as the SDK throws it for an AWS error code. */
export function awsError(name: string, message = `${name} (test)`): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400, requestId: `req-${name}` } });
}

/** A write's answer: only the request id matters to the fixes. */
export function answered(requestId: string) {
  return { $metadata: { requestId } };
}

/** Commands of one name, with their inputs, in the order sent. */
export function sentCommands(aws: Aws, command: string): Record<string, unknown>[] {
  return aws
    .sent()
    .filter((c) => c.command === command)
    .map((c) => c.input);
}
