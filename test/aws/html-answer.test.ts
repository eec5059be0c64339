// An HTML page where AWS's XML or JSON was expected (a proxy, a captive portal, a wrong AWS_ENDPOINT_URL):
// real SDK clients against a web server on 127.0.0.1 say so in words, never `SyntaxError: Unexpected token '<'`,
// and never read the page as an empty answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iamChecks } from '../../checks/iam/index.ts';
import { describeAwsError } from '../../src/aws/errors.ts';
import { createSession } from '../../src/aws/session.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { scan, ScanUnavailableError } from '../../src/engine/scan.ts';

const PAGE = '<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>';
let server: Server;
let url: string;
let status = 404;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failureOf(send: () => Promise<unknown>): Promise<unknown> {
  try {
    await send();
  } catch (err) {
    return err;
  }
  throw new Error('the call succeeded on an HTML page');
}

describe('an HTML page instead of AWS', () => {
  it.each([404, 200])('is explained for XML (STS, S3) and JSON (SSM) services alike, HTTP %i', async (code) => {
    status = code;
    const settings = defaultSettings({ endpointUrl: url, concurrency: 2 });
    const session = createSession({ id: '123456789012', name: 'x' }, 'scan', { settings, env: {} });
    try {
      const calls = [
        () => session.client(STSClient, 'us-east-1').send(new GetCallerIdentityCommand({})),
        () => session.client(S3Client, 'us-east-1').send(new ListBucketsCommand({})),
        () => session.client(SSMClient, 'us-east-1').send(new DescribeInstanceInformationCommand({})),
      ];
      for (const call of calls) {
        const err = await failureOf(call);
        expect(describeAwsError(err)).toBe(`the endpoint answered an HTML page (HTTP ${code}), not AWS: check AWS_ENDPOINT_URL or the proxy`);
        expect(describeAwsError(err, 'ja')).toBe(
          `エンドポイントが AWS ではなく HTML ページを返しました (HTTP ${code})。AWS_ENDPOINT_URL またはプロキシの設定を確認してください`,
        );
      }
    } finally {
      session.destroy();
    }
  });

  it('explains a bare SyntaxError from a JSON parser that met a page', () => {
    const err = Object.assign(new SyntaxError(`Unexpected token '<', "<!DOCTYPE "... is not valid JSON`), { $metadata: { httpStatusCode: 502 } });
    expect(describeAwsError(err)).toBe('the endpoint answered an HTML page (HTTP 502), not AWS: check AWS_ENDPOINT_URL or the proxy');
  });

  it('is what a scan reports, in the configured language', async () => {
    status = 404;
    const run = (locale: 'en' | 'ja') =>
      scan({}, { settings: defaultSettings({ endpointUrl: url, locale }), checks: iamChecks, env: {} });
    const en = await failureOf(() => run('en'));
    expect(en).toBeInstanceOf(ScanUnavailableError);
    expect((en as Error).message).toBe(
      'Cannot identify the AWS account: the endpoint answered an HTML page (HTTP 404), not AWS: check AWS_ENDPOINT_URL or the proxy.',
    );
    expect((en as Error).message).not.toMatch(/SyntaxError|Unexpected token/);
    const ja = await failureOf(() => run('ja'));
    expect((ja as Error).message).toMatch(/HTML ページを返しました \(HTTP 404\)/);
  });
});
