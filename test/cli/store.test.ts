// `awscheck store init` and `awscheck store copy` against dynalite, the start-up check of the table, the
// dynamodb:// form of AWSCHECK_DB, and the table permissions `awscheck policy` prints.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeContinuousBackupsCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configurationPart, storeConfig } from '../../src/config/configuration.ts';
import { parseDynamoDbUrl } from '../../src/config/environment.ts';
import { ConfigError } from '../../src/config/errors.ts';
import { DynamoDbStore } from '../../src/store/dynamodb/history-store.ts';
import { openStore } from '../../src/store/open.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { findingKey } from '../../src/store/finding-key.ts';
import type { FixRequest, NewAuditEvent } from '../../src/remediation/store.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from '../helpers/dynamodb-local.ts';
import { runAwscheck } from '../helpers/cli.ts';
import { manyResults, result, scanReport } from '../report/fixtures.ts';

let local: DynamoDbLocal;
let dir: string;
beforeAll(async () => {
  local = await startDynamoDbLocal();
  // The SDK's own endpoint variable, as an operator would set it for DynamoDB Local.
  vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', local.endpoint);
  dir = mkdtempSync(join(tmpdir(), 'awscheck-store-cli-'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await local.close();
  rmSync(dir, { recursive: true, force: true });
});

const raw = () => new DynamoDBClient({ endpoint: local.endpoint, region: 'us-east-1' });

describe('AWSCHECK_DB=dynamodb://', () => {
  it('parses the table and region, keeps a path meaning SQLite, and names the variable when wrong', () => {
    expect(configurationPart({ AWSCHECK_DB: 'dynamodb://awscheck-prod?region=eu-west-1' }, (env) => storeConfig(env, '/srv'))).toEqual({
      path: 'dynamodb://awscheck-prod?region=eu-west-1',
      dynamodb: { table: 'awscheck-prod', region: 'eu-west-1' },
      retentionDays: 90,
    });
    expect(parseDynamoDbUrl('dynamodb://awscheck')).toEqual({ table: 'awscheck' });
    expect(configurationPart({ AWSCHECK_DB: './x.db' }, (env) => storeConfig(env, '/srv'))).toEqual({ path: '/srv/x.db', retentionDays: 90 });
    expect(() => parseDynamoDbUrl('dynamodb://a')).toThrow(/AWSCHECK_DB: .*table name/);
    expect(() => parseDynamoDbUrl('dynamodb://awscheck?region=Paris')).toThrow(/AWSCHECK_DB: region "Paris"/);
    expect(() => parseDynamoDbUrl('dynamodb://awscheck?endpoint=x')).toThrow(/only \?region=/);
  });

  it('stops on a missing or foreign table with one message naming `npx awscheck store init`', async () => {
    const missing = openStore({ path: 'dynamodb://nope', dynamodb: { table: 'nope' }, retentionDays: 30 });
    const err = await missing.remediation.risksIn(['accepted']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/AWSCHECK_DB: the DynamoDB table dynamodb:\/\/nope does not exist\. Create it with `npx awscheck store init`/);
    await missing.close();
    await raw().send(
      new CreateTableCommand({
        TableName: 'foreign',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    const foreign = new DynamoDbStore({ table: 'foreign', retentionDays: 30 });
    await expect(foreign.latestScan()).rejects.toThrow(/not an awscheck table: its key is .*npx awscheck store init/);
    await foreign.close();
    const init = await runAwscheck(['store', 'init', '--db', 'dynamodb://foreign']);
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/already exists and is not an awscheck table/);
  });
});

describe('awscheck store init', () => {
  it('creates the table with TTL and point-in-time recovery, and only checks it the second time', async () => {
    const first = await runAwscheck(['store', 'init'], { AWSCHECK_DB: 'dynamodb://awscheck-init?region=us-east-1' });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/^Created dynamodb:\/\/awscheck-init in us-east-1: .*point-in-time recovery on, TTL on ttl/);
    const ttl = await raw().send(new DescribeTimeToLiveCommand({ TableName: 'awscheck-init' }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' });
    const backups = await raw().send(new DescribeContinuousBackupsCommand({ TableName: 'awscheck-init' }));
    expect(backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus).toBe('ENABLED');
    const second = await runAwscheck(['store', 'init', '--db', 'dynamodb://awscheck-init']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Checked dynamodb:\/\/awscheck-init/);
    const store = new DynamoDbStore({ table: 'awscheck-init', retentionDays: 30 });
    expect(await store.claimSlot('k', 'me', '2026-11-25T00:00:00.000Z')).toBe(true);
    await store.close();
    expect((await runAwscheck(['store', 'init'], { AWSCHECK_DB: './data/awscheck.db' })).code).toBe(2);
  });
});

function audit(event: string, subjectId: string): NewAuditEvent {
  const f = result();
  return { at: '2026-11-25T09:00:00.000Z', event, actor: 'U0ALICE', subject: event.startsWith('risk') ? 'risk' : 'fix', subjectId, checkId: f.checkId, accountId: f.accountId, region: f.region, resourceId: f.resourceId, detail: { outcome: event } };
}

function request(id: string, resourceId: string): FixRequest {
  const finding = result({ resourceId });
  return {
    id,
    fixId: 'ec2.revoke-world-open-rule',
    finding,
    findingKey: findingKey(finding),
    inputs: {},
    preview: { lines: ['Revoke'], warnings: [], current: {} },
    state: 'requested',
    requestedBy: 'U0ALICE',
    requestedAt: '2026-11-25T09:00:00.000Z',
    expiresAt: '2026-11-26T09:00:00.000Z',
    updatedAt: '2026-11-25T09:00:00.000Z',
  };
}

describe('awscheck store copy', () => {
  it('moves history, risks and the audit trail; an interrupted copy run again finishes it without duplicates', async () => {
    const from = join(dir, 'awscheck.db');
    const sqlite = openSqliteStore(from);
    const big = await sqlite.saveScan(scanReport(manyResults(3_000), { finishedAt: '2026-11-20T00:00:00.000Z' }));
    const small = await sqlite.saveScan(scanReport([result()], { finishedAt: '2026-11-24T00:00:00.000Z' }));
    const message = { text: 'r', blocks: [] };
    const posted = await sqlite.createReport({ name: 'daily', slot: 'daily-report:1', scanId: small.id, channel: 'C1', score: 10, message }, '2026-11-24T00:02:00.000Z');
    await sqlite.updateReport(posted.id, { status: 'posted', postedAt: '2026-11-24T00:03:00.000Z', messageTs: '1.1' });
    await sqlite.claimSlot('daily-report:1', 'host-a', '2026-11-24T00:00:00.000Z');
    await sqlite.completeSlot('daily-report:1', '2026-11-24T00:04:00.000Z');
    await sqlite.remediation.saveSnapshot({ id: 'snap-1', finding: result(), createdAt: '2026-11-24T00:00:00.000Z' });
    await sqlite.remediation.createRequest(request('req-1', 'sg-1'), audit('fix.requested', 'req-1'));
    await sqlite.remediation.createRequest(request('req-2', 'sg-2'), audit('fix.requested', 'req-2'));
    await sqlite.remediation.createRisk(
      { id: 'risk-1', findingKey: findingKey(result()), finding: result(), reason: 'bastion', state: 'accepted', requestedBy: 'U0ALICE', requestedAt: 't', requestExpiresAt: 't', expiresAt: '2026-12-31T00:00:00.000Z', updatedAt: 't' },
      audit('risk.accepted', 'risk-1'),
    );
    await sqlite.remediation.createBatch(
      { id: 'batch-1', checkId: 'ec2.sg-admin-port-ipv4', fixId: 'ec2.revoke-world-open-rule', requestIds: ['req-1', 'req-2'], skipped: [], groupSize: 2, inputs: {}, state: 'requested', requestedBy: 'U0ALICE', requestedAt: 't', expiresAt: 't', updatedAt: 't' },
      { ...audit('batch.requested', 'batch-1'), subject: 'batch' },
    );
    await sqlite.remediation.setBatchMessage('batch-1', { channel: 'C0APPROVE', ts: '2.2' });
    for (const event of ['fix.requested', 'fix.requested', 'risk.accepted']) await sqlite.remediation.appendAudit(audit(event, 'x'));
    const trail = await sqlite.remediation.auditEvents();
    await sqlite.close();

    expect((await runAwscheck(['store', 'init', '--db', 'dynamodb://copied'])).code).toBe(0);
    // Interrupted at the first fix request: everything before it is in, the rest is not.
    local.inject({ operation: 'TransactWriteItems', kind: 'throttle', times: 1 });
    const interrupted = await runAwscheck(['store', 'copy', '--from', from, '--to', 'dynamodb://copied']);
    expect(interrupted.code).toBe(3);
    expect(interrupted.stderr).toMatch(/the copy stopped: .*Run the same command again/);
    const again = await runAwscheck(['store', 'copy', '--from', from], { AWSCHECK_DB: 'dynamodb://copied' });
    expect(again.stderr).toContain('scans: 0 copied, 2 already there');
    expect(again.stderr).toContain('requests: 2 copied, 0 already there');
    expect(again.code).toBe(0);
    const third = await runAwscheck(['store', 'copy', '--from', from, '--to', 'dynamodb://copied']);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/^Copied 0 records/);

    const store = new DynamoDbStore({ table: 'copied', retentionDays: 90 });
    expect((await store.getScan(big.id))?.report.results).toHaveLength(3_000);
    expect((await store.latestScan())?.summary).toEqual(small);
    expect(await store.getReport(posted.id)).toMatchObject({ status: 'posted', messageTs: '1.1', slot: 'daily-report:1' });
    expect(await store.claimSlot('daily-report:1', 'host-b', 'now')).toBe(false);
    expect(await store.remediation.getSnapshot('snap-1')).toMatchObject({ id: 'snap-1' });
    expect((await store.remediation.openRequestFor(findingKey(result({ resourceId: 'sg-2' }))))?.id).toBe('req-2');
    expect(await store.remediation.createRequest(request('req-3', 'sg-1'), audit('fix.requested', 'req-3'))).toBe(false);
    expect((await store.remediation.risksIn(['accepted'])).map((r) => r.id)).toEqual(['risk-1']);
    expect(await store.remediation.getBatch('batch-1')).toMatchObject({ requestIds: ['req-1', 'req-2'], state: 'requested', message: { channel: 'C0APPROVE', ts: '2.2' } });
    expect(await store.remediation.auditEvents()).toEqual(trail);
    // The trail continues after the copied events.
    expect((await store.remediation.appendAudit(audit('fix.refused', 'x'))).seq).toBe(trail.length + 1);
    await store.close();
  }, 60_000);

  it('refuses a missing source file', async () => {
    const run = await runAwscheck(['store', 'copy', '--from', join(dir, 'none.db'), '--to', 'dynamodb://copied']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--from: no SQLite database/);
  });
});

describe('awscheck policy with a DynamoDB store', () => {
  it('adds the table statements and the audit deny to the printed policy', async () => {
    const run = await runAwscheck(['policy'], { AWSCHECK_DB: 'dynamodb://awscheck?region=eu-west-1' });
    const policy = JSON.parse(run.stdout) as { Statement: { Sid: string; Effect: string; Action: string[]; Resource: string[] | string; Condition?: object }[] };
    const table = policy.Statement.find((s) => s.Sid === 'AwscheckStoreTable');
    expect(table?.Resource).toEqual(['arn:aws:dynamodb:eu-west-1:*:table/awscheck', 'arn:aws:dynamodb:eu-west-1:*:table/awscheck/index/*']);
    expect(table?.Action).toContain('dynamodb:ConditionCheckItem');
    const deny = policy.Statement.find((s) => s.Sid === 'AwscheckStoreAuditAppendOnly');
    expect(deny).toMatchObject({ Effect: 'Deny', Action: expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:DeleteItem']), Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } } });
    const sqlite = JSON.parse((await runAwscheck(['policy'], { AWSCHECK_DB: './x.db' })).stdout) as { Statement: { Sid: string }[] };
    expect(sqlite.Statement.map((s) => s.Sid)).toEqual(['AwscheckReadOnlyScan', 'AwscheckOrganizationDiscovery']);
  });
});
