// The same world behind aws-sdk-client-mock, for code that builds its own AWS sessions (the CLI builds its
// ScanDeps itself, so no instrument can reach it). The mock replaces `send`, so the middleware stack (and
// with it the concurrency limiter and retry) does not run here: use installFakeAws where they matter.
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { EC2Client } from '@aws-sdk/client-ec2';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { installFakeAws, operationName, serviceName } from './install.ts';
import type { World } from './world.ts';

const CLIENTS = [
  STSClient,
  IAMClient,
  EC2Client,
  S3Client,
  S3ControlClient,
  SSMClient,
  CloudTrailClient,
  GuardDutyClient,
  Inspector2Client,
  AccessAnalyzerClient,
] as const;

export interface MockedFakeAws {
  /** Calls by `Service:Operation`. */
  calls(): Map<string, number>;
  /** Puts every client's real `send` back. */
  restore(): void;
}

interface ClientWithRegion {
  config: { region: string | (() => Promise<string>) };
}

export function mockFakeAws(world: World): MockedFakeAws {
  const fake = installFakeAws(world);
  const counts = new Map<string, number>();
  const mocks = CLIENTS.map((clientClass) => {
    // The clients' differing type parameters don't unify in one array; mockClient only needs the class.
    const mock = mockClient(clientClass as unknown as typeof STSClient);
    // One fake for every command: the command's class names the operation, `this` is the calling client.
    mock.send.callsFake(async function (this: ClientWithRegion, command: { constructor: { name: string }; input: object }) {
      const key = `${serviceName(clientClass.name)}:${operationName(command.constructor.name)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const region = typeof this.config.region === 'function' ? await this.config.region() : this.config.region;
      return { $metadata: { httpStatusCode: 200 }, ...fake.answer(clientClass.name, command.constructor.name, command.input, region) };
    });
    return mock;
  });
  return {
    calls: () => new Map(counts),
    restore: () => mocks.forEach((m) => m.restore()),
  };
}
