// The fix request service without Slack: previews, one open request per finding, failures that leave
// AWS as it was, and undo decisions that keep the fix in place.
import { AuthorizeSecurityGroupIngressCommand, DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config/schema.ts';
import type { Localized } from '../../src/i18n/locale.ts';
import type { RemediationConfig } from '../../src/remediation/config.ts';
import { createRemediation, type Remediation, type RemediationOptions } from '../../src/remediation/feature.ts';
import { defineFix, type FixDefinition, type Reconciliation } from '../../src/remediation/fix.ts';
import { openFixSession, WrongAccountError } from '../../src/remediation/sessions.ts';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { awsError, mockAws, sentCommands } from '../fixes/helpers.ts';
import { FakeAwsHttp, stsHandlers } from '../helpers/fake-aws-http.ts';
import { fakeSecurityGroups, rule } from '../fixes/ec2/fake-security-groups.ts';
import { FINDING, memoryStore } from './fixtures.ts';
import { ACCOUNT, sts, TestClock } from './harness.ts';

const aws = mockAws();
const stores: SqliteStore[] = [];
const SSH_WORLD = rule('sgr-ssh', { FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0', Description: 'admin access' });
const HOUR = 3_600_000;

/** The account the remediation credentials belong to, as STS answers. */
function credentialsOf(account: string): void {
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: account });
}

/** Real (not dry-run) calls of an EC2 command: the AWS writes that count. */
const written = (command: string) => sentCommands(aws, command).filter((input) => !input.DryRun);

beforeEach(() => {
  aws.reset();
  credentialsOf(ACCOUNT);
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
afterAll(() => aws.restore());

const CONFIG: RemediationConfig = { enabled: true, approvers: ['U0BOB'], allowSelfApproval: false, approvalChannel: 'C0APPROVE', approvalTtlMs: 24 * HOUR, riskSelfAccept: false };

/** A store in memory, closed after the test. */
function openStore(): SqliteStore {
  const store = memoryStore();
  stores.push(store);
  return store;
}

/** One process's remediation feature on the store: Bob approves; options add fix doubles, an owner, a lease, a clock. */
function remediationOn(store: SqliteStore, options: Partial<RemediationOptions> = {}): Remediation {
  return createRemediation({
    store: store.remediation,
    settings: defaultSettings(),
    config: CONFIG,
    listed: async (id) => id === 'U0BOB',
    clock: new TestClock(),
    sleep: async () => undefined,
    ...options,
  });
}

function setup(accounts: { id: string; name: string }[] = []) {
  const store = openStore();
  const clock = new TestClock();
  const remediation = remediationOn(store, { settings: defaultSettings({ accounts }), clock });
  return { remediation, clock, store: store.remediation };
}

/** A double of the SSH fix, under its id so the check's lookup finds it: previews an open rule, undoes at once. */
function fixDouble(title: Localized, behaviour: Pick<FixDefinition, 'apply' | 'reconcile'>): FixDefinition {
  return defineFix({
    id: 'ec2.revoke-world-open-rule',
    checkIds: ['ec2.sg-admin-port-ipv4'],
    words: { en: { title: title.en }, ja: { title: title.ja } },
    actions: { read: [], write: [] },
    preview: async () => ({ lines: ['close it'], warnings: [], current: { open: true }, alreadyFixed: false }),
    undo: async () => ({ status: 'undone', before: {}, after: {}, requestIds: [], message: 'reopened', verified: true }),
    ...behaviour,
  });
}

/**
 * A double whose write starts (inWrite), then waits for release() before it lands as applied (request id
 * req-slow); reconcile reads AWS as the landed write left it.
 */
function slowFix(reconcile: (landed: boolean) => Reconciliation) {
  let release!: () => void;
  const writing = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const inWrite = new Promise<void>((resolve) => (started = resolve));
  let landed = false;
  const fix = fixDouble(
    { en: 'Slow', ja: '遅い' },
    {
      apply: async (_finding, _inputs, ctx) => {
        await ctx.journal?.record({ before: { open: true } });
        started();
        await writing;
        landed = true;
        return { status: 'applied', before: { open: true }, after: { open: false }, requestIds: ['req-slow'], message: 'closed', verified: true };
      },
      reconcile: async () => reconcile(landed),
    },
  );
  return { fix, inWrite, release };
}

async function requested(remediation: Remediation) {
  const result = await remediation.fixes.prepare(FINDING, 'U0ALICE', {});
  if (result.kind !== 'requested') throw new Error(`expected a request, got ${result.kind}`);
  return result.request;
}

describe('fix requests', () => {
  it('keeps one open request per finding', async () => {
    fakeSecurityGroups(aws, [SSH_WORLD]);
    const { remediation } = setup();
    const first = await requested(remediation);
    expect(await remediation.fixes.prepare(FINDING, 'U0CAROL', {})).toMatchObject({ kind: 'open', request: { id: first.id } });
  });

  it('keeps one open request per rule, whichever of the checks that found it asks', async () => {
    fakeSecurityGroups(aws, [SSH_WORLD]);
    const { remediation } = setup();
    const first = await requested(remediation);
    const sameRuleOtherCheck = { ...FINDING, checkId: 'ec2.sg-all-ports-open' };
    expect(await remediation.fixes.prepare(sameRuleOtherCheck, 'U0CAROL', {})).toMatchObject({ kind: 'open', request: { id: first.id } });
  });

  it('makes no request when the preview finds nothing to do, or cannot read AWS', async () => {
    fakeSecurityGroups(aws, []);
    const { remediation, store } = setup();
    expect(await remediation.fixes.prepare(FINDING, 'U0ALICE', {})).toMatchObject({ kind: 'already-fixed' });
    aws.reset();
    aws.ec2.rejects(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.'));
    expect(await remediation.fixes.prepare(FINDING, 'U0ALICE', {})).toMatchObject({ kind: 'preview-failed', error: expect.stringContaining('UnauthorizedOperation') });
    expect(await store.requestsIn(['requested'])).toEqual([]);
    expect(await remediation.audit.events()).toEqual([]);
  });

  it('refuses a finding of an account that is no longer configured', async () => {
    fakeSecurityGroups(aws, [SSH_WORLD]);
    const { remediation } = setup([{ id: '999999999999', name: 'other' }]);
    expect(await remediation.fixes.prepare(FINDING, 'U0ALICE', {})).toMatchObject({ kind: 'preview-failed', error: expect.stringContaining('not in the configuration') });
  });

  it('records a failed write as failed, with AWS’s words, and offers no undo', async () => {
    const ec2 = fakeSecurityGroups(aws, [SSH_WORLD]);
    const { remediation } = setup();
    const request = await requested(remediation);
    ec2.failNextRevoke = awsError('UnauthorizedOperation', 'not allowed to revoke');
    const result = await remediation.fixes.approve(request.id, 'U0BOB', 'fix');
    expect(result).toMatchObject({ kind: 'done', request: { state: 'failed', error: expect.stringContaining('not allowed to revoke') } });
    expect(await remediation.fixes.requestUndo(request.id, 'U0ALICE')).toMatchObject({ kind: 'not-applied' });
    expect((await remediation.audit.events()).at(-1)).toMatchObject({ event: 'fix.failed', detail: { outcome: expect.stringContaining('not allowed') } });
  });

  it('ends a request that could not be posted for approval', async () => {
    fakeSecurityGroups(aws, [SSH_WORLD]);
    const { remediation } = setup();
    const request = await requested(remediation);
    const abandoned = await remediation.fixes.abandon(request, 'not_in_channel');
    expect(abandoned).toMatchObject({ state: 'failed', error: expect.stringContaining('not_in_channel') });
    expect(await remediation.fixes.approve(request.id, 'U0BOB', 'fix')).toMatchObject({ kind: 'not-waiting' });
  });
});

describe('an apply that reports an error', () => {
  it('is recorded as applied when AWS shows the change anyway, so it can still be undone', async () => {
    const flaky = fixDouble(
      { en: 'Flaky', ja: '不安定' },
      {
        apply: async (_finding, _inputs, ctx) => {
          // Like every fix: the journal first, then the write (here the read-back after it fails).
          await ctx.journal?.record({ before: { open: true } });
          throw new Error('read-back timed out');
        },
        reconcile: async () => ({ state: 'changed', current: { open: false }, message: 'it is closed' }),
      },
    );
    const remediation = remediationOn(openStore(), { fixes: [flaky] });
    const request = await requested(remediation);
    const done = await remediation.fixes.approve(request.id, 'U0BOB', 'fix');
    expect(done).toMatchObject({
      kind: 'done',
      request: { state: 'applied', result: { before: { open: true }, after: { open: false } }, note: expect.stringContaining('read-back timed out') },
    });
    expect(await remediation.fixes.requestUndo(request.id, 'U0ALICE')).toMatchObject({ kind: 'requested' });
  });
});

describe('undo decisions', () => {
  async function applied() {
    const ec2 = fakeSecurityGroups(aws, [SSH_WORLD]);
    const context = setup();
    const request = await requested(context.remediation);
    await context.remediation.fixes.approve(request.id, 'U0BOB', 'fix');
    return { ...context, ec2, id: request.id };
  }

  it('keeps the fix when the undo is rejected, and lets it be asked again', async () => {
    const { remediation, id } = await applied();
    await remediation.fixes.requestUndo(id, 'U0ALICE');
    expect(await remediation.fixes.reject(id, 'U0BOB', 'undo', 'keep it closed')).toMatchObject({
      kind: 'done',
      request: { state: 'applied', undoRejection: { by: 'U0BOB', reason: 'keep it closed' } },
    });
    expect(await remediation.fixes.requestUndo(id, 'U0ALICE')).toMatchObject({ kind: 'requested', request: { state: 'undo_requested' } });
  });

  it('keeps the fix when the undo request lapses', async () => {
    const { remediation, clock, id } = await applied();
    await remediation.fixes.requestUndo(id, 'U0ALICE');
    clock.advance(24 * HOUR);
    expect((await remediation.fixes.expireDue()).map((r) => r.state)).toEqual(['applied']);
    expect((await remediation.fixes.get(id))?.note).toContain('expired before anyone approved it');
    expect(written('AuthorizeSecurityGroupIngressCommand')).toEqual([]);
  });

  it('keeps the fix, with a note, when the undo write fails; and the undo can be asked again', async () => {
    const { remediation, id, ec2 } = await applied();
    await remediation.fixes.requestUndo(id, 'U0ALICE');
    aws.ec2.on(AuthorizeSecurityGroupIngressCommand).rejectsOnce(awsError('RequestLimitExceeded', 'slow down'));
    expect(await remediation.fixes.approve(id, 'U0BOB', 'undo')).toMatchObject({
      kind: 'done',
      request: { state: 'applied', note: expect.stringContaining('The undo failed') },
    });
    expect((await remediation.audit.events()).at(-1)?.event).toBe('fix.undo-failed');
    expect(ec2.rules.some((r) => r.CidrIpv4 === '0.0.0.0/0' && r.FromPort === 22)).toBe(false);
    expect(await remediation.fixes.requestUndo(id, 'U0ALICE')).toMatchObject({ kind: 'requested' });
  });
});

describe('the account fixes write to', () => {
  it('refuses to write with credentials of another account, says so in both languages, and audits the refusal', async () => {
    const ec2 = fakeSecurityGroups(aws, [SSH_WORLD]);
    const { remediation } = setup();
    const request = await requested(remediation);
    credentialsOf('999988887777');
    const result = await remediation.fixes.approve(request.id, 'U0BOB', 'fix');
    expect(result).toMatchObject({ kind: 'done', request: { state: 'failed', error: expect.stringContaining('the remediation credentials belong to account 999988887777') } });
    expect(written('RevokeSecurityGroupIngressCommand')).toEqual([]);
    expect(ec2.rules.map((r) => r.SecurityGroupRuleId)).toEqual(['sgr-ssh']);
    expect((await remediation.audit.events()).at(-1)).toMatchObject({
      event: 'fix.failed',
      actor: 'awscheck',
      detail: { reason: 'wrong-account', outcome: expect.stringContaining(`the finding is in account ${ACCOUNT}`) },
    });
    const ja = new WrongAccountError(ACCOUNT, '999988887777');
    expect(ja.localized.ja).toContain('アカウント 999988887777 のものです');
  });

  it('refuses an undo with credentials of another account, keeping the fix in place', async () => {
    fakeSecurityGroups(aws, [SSH_WORLD]);
    const { remediation } = setup();
    const request = await requested(remediation);
    await remediation.fixes.approve(request.id, 'U0BOB', 'fix');
    await remediation.fixes.requestUndo(request.id, 'U0ALICE');
    credentialsOf('999988887777');
    const result = await remediation.fixes.approve(request.id, 'U0BOB', 'undo');
    expect(result).toMatchObject({ kind: 'done', request: { state: 'applied', note: expect.stringContaining('belong to account 999988887777') } });
    expect(written('AuthorizeSecurityGroupIngressCommand')).toEqual([]);
    expect((await remediation.audit.events()).at(-1)).toMatchObject({ event: 'fix.undo-failed', detail: { reason: 'wrong-account' } });
  });

  it('asks STS once per session, and never takes the account from the finding', async () => {
    fakeSecurityGroups(aws, [SSH_WORLD]);
    const { remediation } = setup();
    const request = await requested(remediation);
    await remediation.fixes.approve(request.id, 'U0BOB', 'fix');
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
  });
});

describe('a customer rule for the replacement source', () => {
  const OFFICE = rule('sgr-office', { FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.0/24', Description: 'office (customer)' });
  const OFFICE_CIDR = { replacementCidr: '198.51.100.0/24' };

  async function fixWithOfficeSource() {
    const ec2 = fakeSecurityGroups(aws, [SSH_WORLD, OFFICE], { interfaces: [{ instanceId: 'i-1' }], online: ['i-1'] });
    const context = setup();
    const prepared = await context.remediation.fixes.prepare(FINDING, 'U0ALICE', OFFICE_CIDR);
    if (prepared.kind !== 'requested') throw new Error(prepared.kind);
    return { ...context, ec2, id: prepared.request.id };
  }

  async function undo(remediation: Remediation, id: string) {
    expect(await remediation.fixes.requestUndo(id, 'U0ALICE')).toMatchObject({ kind: 'requested' });
    return remediation.fixes.approve(id, 'U0BOB', 'undo');
  }

  it('survives an undo after a transient read error following the revoke', async () => {
    const { remediation, ec2, id } = await fixWithOfficeSource();
    // The revoke lands; then DescribeNetworkInterfaces answers 500 once.
    aws.ec2.on(DescribeNetworkInterfacesCommand).rejectsOnce(Object.assign(awsError('InternalError', 'try again'), { $metadata: { httpStatusCode: 500 } }));
    const applied = await remediation.fixes.approve(id, 'U0BOB', 'fix');
    expect(applied).toMatchObject({ kind: 'done', request: { state: 'applied', note: expect.stringContaining('Applying reported an error') } });
    const after = (await remediation.fixes.get(id))?.result?.after;
    expect(after).toEqual({ revokedRuleId: 'sgr-ssh' });
    expect(await undo(remediation, id)).toMatchObject({ kind: 'done', request: { state: 'undone' } });
    expect(ec2.rules.map((r) => r.SecurityGroupRuleId)).toContain('sgr-office');
    expect(ec2.rules.some((r) => r.CidrIpv4 === '0.0.0.0/0' && r.FromPort === 22)).toBe(true);
    expect(written('RevokeSecurityGroupIngressCommand')).toEqual([{ GroupId: 'sg-0abc', SecurityGroupRuleIds: ['sgr-ssh'] }]);
  });

  it('survives an undo after a crash following the revoke (settled by another process once the lease expired)', async () => {
    const { remediation, ec2, id, clock, store } = await fixWithOfficeSource();
    // The dead process: approved, applying, journalled (no replacement needed: the customer's rule exists), revoked.
    const at = clock.now().toISOString();
    const lease = { owner: 'dead', expiresAt: new Date(clock.now().getTime() + 60_000).toISOString() };
    await store.transitionRequest({ id, from: 'requested', to: 'approved', changes: { approval: { by: 'U0BOB', at } }, lease: { take: lease } });
    await store.transitionRequest({ id, from: 'approved', to: 'applying', changes: {}, lease: { holder: 'dead', now: at } });
    await store.transitionRequest({ id, from: 'applying', to: 'applying', changes: { journal: { requestIds: ['req-revoke'] } }, lease: { holder: 'dead', now: at } });
    ec2.rules = ec2.rules.filter((r) => r.SecurityGroupRuleId !== 'sgr-ssh');
    expect((await remediation.sweeper.sweep()).requests).toEqual([]);
    clock.advance(60_001);
    const settled = (await remediation.sweeper.sweep()).requests;
    expect(settled.map((r) => [r.state, r.result?.after, r.result?.requestIds])).toEqual([['applied', { revokedRuleId: 'sgr-ssh' }, ['req-revoke']]]);
    expect(await undo(remediation, id)).toMatchObject({ kind: 'done', request: { state: 'undone' } });
    expect(ec2.rules.map((r) => r.SecurityGroupRuleId)).toContain('sgr-office');
    expect(written('RevokeSecurityGroupIngressCommand')).toEqual([]);
  });
});

describe('a process whose lease ran out while it worked', () => {
  it('does not claim the outcome: another replica settled it by reading AWS, and the trail says so once', async () => {
    const store = openStore();
    const clock = new TestClock();
    const slow = slowFix((landed) =>
      landed ? { state: 'changed', current: { open: false }, message: 'closed' } : { state: 'unchanged', current: { open: true }, message: 'still open' },
    );
    // No renewal during the test: the owner stalls past its lease.
    const replica = (owner: string) => remediationOn(store, { clock, fixes: [slow.fix], owner, lease: { ms: 60_000, renewMs: HOUR } });
    const a = replica('process-a');
    const b = replica('process-b');
    const request = await requested(a);
    const approving = a.fixes.approve(request.id, 'U0BOB', 'fix');
    await slow.inWrite;
    // B sweeps while A's lease is live: nothing happens. Then A stalls past its lease and B settles it.
    expect((await b.sweeper.sweep()).requests).toEqual([]);
    clock.advance(61_000);
    expect((await b.sweeper.sweep()).requests.map((r) => r.state)).toEqual(['failed']);
    // A's write lands afterwards; A must not record "applied" over B's settlement: it reads AWS instead.
    slow.release();
    const result = await approving;
    expect(result).toMatchObject({ kind: 'done', request: { state: 'failed' } });
    const events = await a.audit.events();
    expect(events.map((e) => e.event)).toEqual(['fix.requested', 'fix.approved', 'fix.reconciled', 'fix.late-write']);
    // The write that landed late is in the trail with its AWS request id; the record is not overwritten.
    expect(events.at(-1)).toMatchObject({ detail: { requestIds: ['req-slow'], note: expect.stringContaining('settled the request as failed') } });
    expect((await a.fixes.get(request.id))?.state).toBe('failed');
  });
});

describe('a write slower than the old sweep grace (120 s)', () => {
  it('stays with its owner, which renews its lease, and is recorded as the owner applied it', async () => {
    const store = openStore();
    const clock = new TestClock();
    const slow = slowFix(() => ({ state: 'unchanged', current: { open: true }, message: 'still open' }));
    const replica = (owner: string) => remediationOn(store, { clock, fixes: [slow.fix], owner, lease: { ms: 60_000, renewMs: 5 } });
    const a = replica('process-a');
    const b = replica('process-b');
    const request = await requested(a);
    const approving = a.fixes.approve(request.id, 'U0BOB', 'fix');
    await slow.inWrite;
    // 150 s of AWS time in 15 s steps; the owner renews between steps, the other replica sweeps after each.
    for (let elapsed = 0; elapsed < 150_000; elapsed += 15_000) {
      clock.advance(15_000);
      const renewed = new Date(clock.now().getTime() + 59_000).toISOString();
      for (let i = 0; i < 100 && ((await a.fixes.get(request.id))?.lease?.expiresAt ?? '') < renewed; i++) await new Promise((r) => setTimeout(r, 5));
      expect((await b.sweeper.sweep()).requests).toEqual([]);
    }
    slow.release();
    expect(await approving).toMatchObject({ kind: 'done', request: { state: 'applied', result: { requestIds: ['req-slow'] } } });
    expect((await a.audit.events()).map((e) => e.event)).toEqual(['fix.requested', 'fix.approved', 'fix.applied']);
  });
});

describe('the remediation role', () => {
  it('comes from the validated configuration, never from the raw environment', async () => {
    const configured = `arn:aws:iam::${ACCOUNT}:role/awscheck-fix`;
    // AssumeRole over HTTP (the credential provider has its own STS client, which the mocks do not reach).
    const fake = new FakeAwsHttp({ sts: stsHandlers(ACCOUNT) });
    const url = await fake.start();
    const saved = { ...process.env };
    process.env.AWSCHECK_REMEDIATION_ROLE_ARN = 'arn:aws:iam::999999999999:role/raw-env';
    // The source credentials AssumeRole is signed with (the default chain would look further).
    process.env.AWS_ACCESS_KEY_ID = 'AKIASOURCE';
    process.env.AWS_SECRET_ACCESS_KEY = 'source-secret';
    try {
      const options = { settings: defaultSettings({ endpointUrl: url }), clock: new TestClock() };
      // Configured: the fix clients assume that role.
      const withRole = openFixSession(ACCOUNT, { ...options, remediationRoleArn: configured });
      const credentials = withRole.context.session.client(EC2Client, 'eu-west-1').config.credentials;
      expect((await credentials()).accessKeyId).toBe(`ASIA${ACCOUNT}`);
      expect(fake.calls('sts', 'AssumeRole').map((call) => call.params.get('RoleArn'))).toEqual([configured]);
      withRole.close();
      // Not configured: the raw variable is ignored; the source credentials are used as they are.
      const without = openFixSession(ACCOUNT, options);
      expect((await without.context.session.client(EC2Client, 'eu-west-1').config.credentials()).accessKeyId).toBe('AKIASOURCE');
      expect(fake.calls('sts', 'AssumeRole')).toHaveLength(1);
      without.close();
    } finally {
      for (const name of ['AWSCHECK_REMEDIATION_ROLE_ARN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      await fake.stop();
    }
  });
});
