// Which handlers answer which SDK client, keyed by the client's class name (context.clientName).
import { accessAnalyzerHandlers, cloudTrailHandlers, guardDutyHandlers, inspectorHandlers } from './detect.ts';
import { ec2Handlers } from './ec2.ts';
import { iamHandlers, stsHandlers } from './iam.ts';
import { s3ControlHandlers, s3Handlers } from './s3.ts';
import { ssmHandlers } from './ssm.ts';
import type { Handler } from './types.ts';

export const HANDLERS: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  STSClient: stsHandlers,
  IAMClient: iamHandlers,
  EC2Client: ec2Handlers,
  S3Client: s3Handlers,
  S3ControlClient: s3ControlHandlers,
  SSMClient: ssmHandlers,
  CloudTrailClient: cloudTrailHandlers,
  GuardDutyClient: guardDutyHandlers,
  Inspector2Client: inspectorHandlers,
  AccessAnalyzerClient: accessAnalyzerHandlers,
};

export type { CallContext, FakeState, Handler } from './types.ts';
