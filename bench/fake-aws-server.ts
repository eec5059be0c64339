// The fake AWS as a separate HTTP process, for benchmarks that must measure the scanner alone: it answers
// STS and IAM (AWS query protocol), EC2 (EC2 query protocol) and Organizations (AWS JSON 1.1) for any
// number of synthetic accounts, from the same handlers as the in-process fake. Requests are read and
// answers written with the SDK's own schemas (member names, XML names, list and map shapes), so the real
// clients parse real wire bytes. `node dist/bench/fake-aws-server.js --factor 0.05 --accounts 50 --latency 20`
// prints `LISTENING <url>`; GET /__stats answers the calls so far by operation.
import * as ec2 from '@aws-sdk/client-ec2';
import * as iam from '@aws-sdk/client-iam';
import * as sts from '@aws-sdk/client-sts';
import { NormalizedSchema } from '@smithy/core/schema';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { FakeAwsError } from '../test/fake-aws/errors.ts';
import { type FakeState, HANDLERS } from '../test/fake-aws/handlers/index.ts';
import { syntheticWorld } from '../test/fake-aws/synthetic.ts';

export const MANAGEMENT_ACCOUNT = '100000000000';
/** Member account ids: 100000000001, 100000000002, … */
export const memberId = (n: number): string => String(100_000_000_000 + n);

interface Protocol {
  client: string;
  module: Record<string, unknown>;
  xmlns: string;
  ec2: boolean;
}

const PROTOCOLS: Record<string, Protocol> = {
  sts: { client: 'STSClient', module: sts, xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/', ec2: false },
  iam: { client: 'IAMClient', module: iam, xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/', ec2: false },
  ec2: { client: 'EC2Client', module: ec2, xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/', ec2: true },
};

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const scalar = (value: unknown): string => (typeof value === 'object' ? JSON.stringify(value) : `${value as string | number | boolean}`);

/** A value as XML, named by the schema's xmlName traits (IAM: `member` lists; EC2: `item` lists). */
function toXml(schema: NormalizedSchema, value: unknown, out: string[]): void {
  if (value === undefined || value === null) return;
  if (schema.isStructSchema()) {
    for (const [name, member] of schema.structIterator()) {
      const v = (value as Record<string, unknown>)[name];
      if (v === undefined || v === null) continue;
      const tag = member.getMergedTraits().xmlName ?? name;
      if (member.isListSchema() && member.getMergedTraits().xmlFlattened) {
        for (const item of v as unknown[]) element(tag, member.getValueSchema(), item, out);
      } else element(tag, member, v, out);
    }
  } else if (schema.isListSchema()) {
    const item = schema.getValueSchema();
    const tag = item.getMergedTraits().xmlName ?? 'member';
    for (const entry of value as unknown[]) element(tag, item, entry, out);
  } else if (schema.isMapSchema()) {
    const key = schema.getKeySchema().getMergedTraits().xmlName ?? 'key';
    const val = schema.getValueSchema();
    const valTag = val.getMergedTraits().xmlName ?? 'value';
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out.push(`<entry><${key}>${escape(k)}</${key}>`);
      element(valTag, val, v, out);
      out.push('</entry>');
    }
  } else if (schema.isTimestampSchema()) {
    out.push(value instanceof Date ? value.toISOString() : escape(scalar(value)));
  } else if (schema.isBlobSchema()) {
    out.push(Buffer.from(value as Uint8Array<ArrayBuffer>).toString('base64'));
  } else out.push(escape(scalar(value)));
}

function element(tag: string, schema: NormalizedSchema, value: unknown, out: string[]): void {
  out.push(`<${tag}>`);
  toXml(schema, value, out);
  out.push(`</${tag}>`);
}

type Tree = { [key: string]: Tree | string };

/** `Filter.1.Value.2=x` → { Filter: { 1: { Value: { 2: 'x' } } } }. */
function tree(params: URLSearchParams): Tree {
  const root: Tree = {};
  for (const [key, value] of params) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Tree;
    node[parts.at(-1)!] = value;
  }
  return root;
}

/** The query form read back into the SDK's input shape, by the same traits the client serialized with. */
function fromQuery(schema: NormalizedSchema, node: Tree | string | undefined): unknown {
  if (node === undefined) return undefined;
  if (schema.isStructSchema() && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, member] of schema.structIterator()) {
      const traits = member.getMergedTraits();
      const xmlName = traits.xmlName;
      const keys = [traits.ec2QueryName, xmlName && xmlName[0]!.toUpperCase() + xmlName.slice(1), name].filter(Boolean) as string[];
      const key = keys.find((k) => node[k] !== undefined);
      if (key) out[name] = fromQuery(member, node[key]);
    }
    return out;
  }
  if (schema.isListSchema() && typeof node === 'object') {
    const items = typeof node.member === 'object' ? node.member : node;
    return Object.keys(items)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => fromQuery(schema.getValueSchema(), items[k]));
  }
  if (typeof node !== 'string') return undefined;
  if (schema.isNumericSchema()) return Number(node);
  if (schema.isBooleanSchema()) return node === 'true';
  return node;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface Organization {
  accounts: { Id: string; Name: string; State: 'ACTIVE'; Status: 'ACTIVE' }[];
}

function organizationAnswer(action: string, input: Record<string, unknown>, org: Organization): object {
  if (action !== 'ListAccounts' && action !== 'ListAccountsForParent') throw new FakeAwsError('InvalidAction', `no organizations:${action}`);
  // AWS's own page size for ListAccounts is 20.
  const start = Number(input.NextToken ?? 0);
  const next = start + 20 < org.accounts.length ? String(start + 20) : undefined;
  return { Accounts: org.accounts.slice(start, start + 20), ...(next ? { NextToken: next } : {}) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { factor: { type: 'string', default: '0.05' }, accounts: { type: 'string', default: '50' }, latency: { type: 'string', default: '20' } },
  });
  const world = syntheticWorld(Number(values.factor));
  const latency = Number(values.latency);
  const accounts = Number(values.accounts);
  const org: Organization = {
    accounts: Array.from({ length: accounts }, (_, n) => {
      const id = n === 0 ? MANAGEMENT_ACCOUNT : memberId(n);
      return { Id: id, Name: n === 0 ? 'management' : `member-${n}`, State: 'ACTIVE', Status: 'ACTIVE' };
    }),
  };
  // What AWS remembers per account between calls (the credential report being generated).
  const states = new Map<string, FakeState>();
  const calls = new Map<string, number>();

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.url === '/__stats') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Object.fromEntries(calls)));
        return;
      }
      const scope = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(req.headers.authorization ?? '');
      const [, accessKeyId = '', region = 'us-east-1', service = ''] = scope ?? [];
      const account = /^ASIA(\d{12})/.exec(accessKeyId)?.[1] ?? MANAGEMENT_ACCOUNT;
      const target = req.headers['x-amz-target'];
      const action = typeof target === 'string' ? (target.split('.')[1] ?? '') : (new URLSearchParams(body).get('Action') ?? '');
      calls.set(`${service}:${action}`, (calls.get(`${service}:${action}`) ?? 0) + 1);
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      if (typeof target === 'string') {
        answerJson(res, () => organizationAnswer(action, (body ? JSON.parse(body) : {}) as Record<string, unknown>, org));
        return;
      }
      answerQuery(res, service, action, body, account, region);
    })();
  });

  function answerQuery(res: ServerResponse, service: string, action: string, body: string, account: string, region: string): void {
    const protocol = PROTOCOLS[service];
    const ns = protocol?.xmlns ?? '';
    try {
      const operation = protocol?.module[`${action}$`] as unknown[] | undefined;
      if (!protocol || !operation) throw new FakeAwsError('InvalidAction', `fake AWS has no ${service}:${action}`);
      let output: object;
      if (action === 'GetCallerIdentity') {
        output = { Account: account, Arn: `arn:aws:iam::${account}:user/scanner`, UserId: 'AIDASCANNER' };
      } else if (action === 'AssumeRole') {
        const target = /^arn:aws:iam::(\d{12}):role\//.exec(new URLSearchParams(body).get('RoleArn') ?? '')?.[1] ?? '';
        output = {
          Credentials: { AccessKeyId: `ASIA${target}`, SecretAccessKey: 'bench', SessionToken: 'bench', Expiration: new Date(Date.now() + 3600_000) },
          AssumedRoleUser: { Arn: `arn:aws:sts::${target}:assumed-role/awscheck-read/awscheck-scan`, AssumedRoleId: 'AROA:x' },
        };
      } else {
        const handler = HANDLERS[protocol.client]?.[action];
        if (!handler) throw new FakeAwsError('InvalidAction', `fake AWS has no ${service}:${action}`);
        const input = fromQuery(NormalizedSchema.of(operation[4] as never), tree(new URLSearchParams(body))) as Record<string, unknown>;
        let state = states.get(account);
        if (!state) states.set(account, (state = { reportGenerations: 0 }));
        output = handler(input, { world, region, state });
      }
      const out: string[] = [];
      toXml(NormalizedSchema.of(operation[5] as never), output, out);
      const xml = protocol.ec2
        ? `<${action}Response xmlns="${ns}"><requestId>req</requestId>${out.join('')}</${action}Response>`
        : `<${action}Response xmlns="${ns}"><${action}Result>${out.join('')}</${action}Result><ResponseMetadata><RequestId>req</RequestId></ResponseMetadata></${action}Response>`;
      res.writeHead(200, { 'content-type': 'text/xml' }).end(xml);
    } catch (err) {
      const e = err instanceof FakeAwsError ? err : new FakeAwsError('InternalFailure', (err as Error).message, 500);
      const xml = protocol?.ec2
        ? `<Response><Errors><Error><Code>${e.Code}</Code><Message>${escape(e.message)}</Message></Error></Errors><RequestID>req</RequestID></Response>`
        : `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>${e.Code}</Code><Message>${escape(e.message)}</Message></Error><RequestId>req</RequestId></ErrorResponse>`;
      res.writeHead(e.$metadata.httpStatusCode, { 'content-type': 'text/xml' }).end(xml);
    }
  }

  function answerJson(res: ServerResponse, answer: () => object): void {
    try {
      // The answer first: a handler that throws must still find the headers unsent, or the process dies.
      const text = JSON.stringify(answer());
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(text);
    } catch (err) {
      const e = err instanceof FakeAwsError ? err : new FakeAwsError('InternalFailure', (err as Error).message, 500);
      res.writeHead(e.$metadata.httpStatusCode, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: e.Code, message: e.message }));
    }
  }

  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`LISTENING http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

await main();
