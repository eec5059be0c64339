// A tiny AWS endpoint on 127.0.0.1 for end-to-end tests: it speaks the query protocol (STS, IAM) and the
// EC2 protocol well enough for the real SDK clients, so AWS_ENDPOINT_URL and AssumeRole are exercised for real.
// AWS JSON 1.1 services (Organizations: `X-Amz-Target: AWSOrganizationsV20161128.ListAccounts`) get the
// parsed body in `json` and their handler's string is sent as the JSON answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface FakeRequest {
  service: string;
  region: string;
  action: string;
  params: URLSearchParams;
  accessKeyId: string;
  /** The request body of an AWS JSON protocol call (X-Amz-Target), else undefined. */
  json?: Record<string, unknown>;
}

/** Returns the XML inside <ActionResult> (query) or inside the response element (EC2), or throws FakeAwsError. */
export type FakeHandler = (request: FakeRequest) => string | Promise<string>;

export class FakeAwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `<Name>value</Name>` for each entry; undefined values are left out. */
export function xmlFields(fields: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
    .join('');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const NAMESPACES: Record<string, string> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  ec2: 'http://ec2.amazonaws.com/doc/2016-11-15/',
};

export class FakeAwsHttp {
  readonly requests: FakeRequest[] = [];
  private server?: Server;
  url = '';

  constructor(private readonly handlers: Record<string, Record<string, FakeHandler>>) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void (async () => {
        const body = await readBody(req);
        const auth = req.headers.authorization ?? '';
        const scope = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(auth);
        const target = req.headers['x-amz-target'];
        const json = typeof target === 'string';
        const params = new URLSearchParams(json ? '' : body);
        const request: FakeRequest = {
          accessKeyId: scope?.[1] ?? '',
          region: scope?.[2] ?? '',
          service: scope?.[3] ?? '',
          action: json ? (target.split('.')[1] ?? '') : (params.get('Action') ?? ''),
          params,
          ...(json ? { json: (body ? JSON.parse(body) : {}) as Record<string, unknown> } : {}),
        };
        this.requests.push(request);
        if (json) {
          this.answerJson(request, res);
          return;
        }
        const handler = this.handlers[request.service]?.[request.action];
        const ns = NAMESPACES[request.service] ?? '';
        try {
          if (!handler) throw new FakeAwsError('InvalidAction', `fake AWS has no ${request.service}:${request.action}`);
          const inner = await handler(request);
          const xml =
            request.service === 'ec2'
              ? `<${request.action}Response xmlns="${ns}"><requestId>req-1</requestId>${inner}</${request.action}Response>`
              : `<${request.action}Response xmlns="${ns}"><${request.action}Result>${inner}</${request.action}Result><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></${request.action}Response>`;
          res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': 'req-1' }).end(xml);
        } catch (err) {
          const e = err instanceof FakeAwsError ? err : new FakeAwsError('InternalFailure', (err as Error).message, 500);
          const xml =
            request.service === 'ec2'
              ? `<Response><Errors><Error><Code>${e.code}</Code><Message>${escapeXml(e.message)}</Message></Error></Errors><RequestID>req-1</RequestID></Response>`
              : `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>${e.code}</Code><Message>${escapeXml(e.message)}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`;
          res.writeHead(e.status, { 'content-type': 'text/xml' }).end(xml);
        }
      })();
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  private answerJson(request: FakeRequest, res: ServerResponse): void {
    const handler = this.handlers[request.service]?.[request.action];
    try {
      if (!handler) throw new FakeAwsError('InvalidAction', `fake AWS has no ${request.service}:${request.action}`);
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(handler(request));
    } catch (err) {
      const e = err instanceof FakeAwsError ? err : new FakeAwsError('InternalFailure', (err as Error).message, 500);
      res.writeHead(e.status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: e.code, message: e.message }));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  calls(service: string, action: string): FakeRequest[] {
    return this.requests.filter((r) => r.service === service && r.action === action);
  }
}

/** STS answers: the caller is `account`; AssumeRole hands out keys named after the role's account. */
export function stsHandlers(account: string): Record<string, FakeHandler> {
  return {
    GetCallerIdentity: (req) => {
      const assumed = /^ASIA(\d{12})/.exec(req.accessKeyId)?.[1];
      const id = assumed ?? account;
      return xmlFields({ Account: id, Arn: `arn:aws:iam::${id}:user/scanner`, UserId: 'AIDAEXAMPLE' });
    },
    AssumeRole: (req) => {
      const roleArn = req.params.get('RoleArn') ?? '';
      const target = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1];
      if (!target) throw new FakeAwsError('ValidationError', 'bad RoleArn');
      if (target.startsWith('999')) throw new FakeAwsError('AccessDenied', `not authorized to perform sts:AssumeRole on ${roleArn}`, 403);
      const expiration = new Date(Date.now() + 3600_000).toISOString();
      return `<Credentials>${xmlFields({
        AccessKeyId: `ASIA${target}`,
        SecretAccessKey: 'fake-secret',
        SessionToken: `token-for-${req.params.get('RoleSessionName') ?? ''}`,
        Expiration: expiration,
      })}</Credentials><AssumedRoleUser>${xmlFields({ Arn: `${roleArn}/x`, AssumedRoleId: 'AROA:x' })}</AssumedRoleUser>`;
    },
  };
}

export function describeRegionsHandler(regions: Record<string, 'opt-in-not-required' | 'opted-in' | 'not-opted-in'>): FakeHandler {
  return () =>
    `<regionInfo>${Object.entries(regions)
      .map(([name, status]) => `<item>${xmlFields({ regionName: name, regionEndpoint: `ec2.${name}.amazonaws.com`, optInStatus: status })}</item>`)
      .join('')}</regionInfo>`;
}

/** Starts `fake` as every SDK client's endpoint (AWS_ENDPOINT_URL) for the enclosing suite, and stops it after. */
export function serveAsAwsEndpoint<T extends FakeAwsHttp>(fake: T): T {
  const savedEndpoint = process.env.AWS_ENDPOINT_URL;
  beforeAll(async () => {
    process.env.AWS_ENDPOINT_URL = await fake.start();
  });
  afterAll(async () => {
    process.env.AWS_ENDPOINT_URL = savedEndpoint;
    await fake.stop();
  });
  return fake;
}
