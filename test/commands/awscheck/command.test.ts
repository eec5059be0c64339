// The /awscheck listener with fake ack/respond/client, as the Bolt starter template tests its listeners.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { awscheckCommand } from '../../../commands/awscheck/index.ts';
import { SUBCOMMANDS } from '../../../commands/awscheck/router.ts';
import type { Subcommand } from '../../../commands/awscheck/types.ts';
import { rootMfa } from '../../../checks/iam/root-mfa/check.ts';
import { ScanService } from '../../../src/app/scan-service.ts';
import { scan } from '../../../src/engine/scan.ts';
import { defaultSettings } from '../../../src/config/schema.ts';
import { defineCheck, defineCollector } from '../../../src/engine/define.ts';
import type { AnyCheck } from '../../../src/engine/types.ts';
import { BackgroundTasks } from '../../../src/slack/listeners/background.ts';
import type { SlackDeps } from '../../../src/slack/deps.ts';
import { ScannerAllowlist } from '../../../src/slack/access/scanners.ts';
import { UserLocaleCache } from '../../../src/slack/access/user-locale.ts';
import { fakeSlackClient } from '../../helpers/fake-slack-client.ts';
import { ACCOUNT, fakeCheck } from '../../slack/fixtures.ts';
import { testEvidence } from '../../helpers/test-words.ts';

const sts = mockClient(STSClient);

function setup(options: { checks?: AnyCheck[]; scanners?: string[]; table?: readonly Subcommand[] } = {}) {
  const checks = options.checks ?? [rootMfa, fakeCheck({ items: () => [{ id: 'sg-1', fail: true, evidence: 'sg-1 open' }] })];
  const errors: unknown[] = [];
  const deps: SlackDeps = {
    scans: new ScanService({ scan, deps: { settings: defaultSettings(), checks } }),
    catalogue: checks,
    settings: defaultSettings(),
    locale: 'en',
    userLocales: new UserLocaleCache('en'),
    scanners: new ScannerAllowlist(options.scanners ?? []),
    background: new BackgroundTasks((err) => errors.push(err)),
    progress: { gapsMs: [5] },
  };
  const replies: Record<string, unknown>[] = [];
  const order: string[] = [];
  const ack = vi.fn(async () => void order.push('ack'));
  const respond = vi.fn(async (message: Record<string, unknown>) => {
    order.push('respond');
    replies.push(message);
    return new Response('ok');
  });
  const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
  const { client } = fakeSlackClient();
  const listener = awscheckCommand(deps, options.table ?? SUBCOMMANDS);
  const send = async (text: string, user = 'U0ALICE') => {
    await listener({ command: { text, user_id: user, channel_id: 'C0TEST' }, ack, respond, client, logger } as never);
    await deps.background.idle();
  };
  return { deps, replies, order, ack, logger, send, errors };
}

beforeEach(() => {
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
});

describe('/awscheck listener', () => {
  it('acks before anything else', async () => {
    const t = setup();
    await t.send('help');
    expect(t.order[0]).toBe('ack');
    expect(t.ack).toHaveBeenCalledWith();
  });

  it('shows the help for `help`, listing every subcommand', async () => {
    const t = setup();
    await t.send('help');
    const json = JSON.stringify(t.replies[0]);
    expect(t.replies[0]).toMatchObject({ response_type: 'ephemeral' });
    for (const usage of ['`/awscheck iam|s3|ec2|ssm|detect`', '`/awscheck explain CHECK-ID`', '`/awscheck checks [SERVICE]`', 'account=NAME|ID']) {
      expect(json).toContain(usage);
    }
  });

  it('explains a check, and shares it with the channel on `public`', async () => {
    const t = setup();
    await t.send('explain iam.root-mfa public');
    expect(t.replies[0]).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.stringify(t.replies[0])).toContain('Why it matters');
  });

  it('suggests check ids for an unknown one, and asks which check when none is given', async () => {
    const t = setup();
    await t.send('explain root-mfa');
    expect(JSON.stringify(t.replies[0])).toContain('There is no check called `root-mfa`. Did you mean `iam.root-mfa`?');
    await t.send('explain');
    expect(JSON.stringify(t.replies[1])).toContain('Which check?');
  });

  it('lists the checks, optionally for one service', async () => {
    const t = setup();
    await t.send('checks ec2');
    const json = JSON.stringify(t.replies[0]);
    expect(json).toContain('ec2.test-open-sg');
    expect(json).not.toContain('iam.root-mfa');
    await t.send('checks bananas');
    expect(JSON.stringify(t.replies[1])).toContain("I didn't understand `bananas`");
  });

  it('scans: a scanning message, a few progress updates, then the results, within five replies', async () => {
    // A collector that reports progress 200 times while it works.
    const busy = defineCollector<number>({
      id: 's3.test-busy-buckets',
      scope: 'global',
      actions: [],
      async collect(ctx) {
        for (let i = 1; i <= 200; i += 1) {
          ctx.progress(i, 200, 'buckets');
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        return 200;
      },
    });
    const check = defineCheck({
      ...rootMfa,
      id: 's3.test-busy',
      service: 's3',
      needs: [busy],
      evaluate: ([n]) => [{ status: 'FAIL', region: 'global', resourceType: 'AWS::S3::Bucket', resourceId: `bucket-${n}`, evidence: testEvidence(`${n} buckets checked`), details: {} }],
    });
    const t = setup({ checks: [check] });
    await t.send('s3');
    expect(t.replies.length).toBeLessThanOrEqual(5);
    expect(t.replies.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(t.replies[0])).toContain('Scanning');
    expect(JSON.stringify(t.replies[1])).toMatch(/S3 \d+\/200 buckets/);
    expect(t.replies.at(-1)).toMatchObject({ replace_original: true });
    expect(JSON.stringify(t.replies.at(-1))).toContain('200 buckets checked');
  });

  it('says why a scan could not run, without a stack trace', async () => {
    sts.reset();
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    const t = setup();
    await t.send('');
    const last = JSON.stringify(t.replies.at(-1));
    expect(last).toContain('The scan could not run: Cannot identify the AWS account: CredentialsProviderError');
    expect(last).toContain('Set AWS credentials');
    expect(last).not.toMatch(/\.ts:\d+/);
  });

  it('refuses people outside the allowlist before scanning', async () => {
    const t = setup({ scanners: ['U0BOSS'] });
    await t.send('', 'U0ALICE');
    expect(t.replies).toHaveLength(1);
    expect(JSON.stringify(t.replies[0])).toContain("you're not on the list");
    expect(sts.calls()).toHaveLength(0);
    await t.send('help', 'U0ALICE');
    expect(JSON.stringify(t.replies[1])).toContain('awscheck · help');
  });

  it('answers a failure inside a subcommand politely and logs it', async () => {
    const broken: Subcommand = {
      name: 'report',
      help: { en: '`/awscheck report`', ja: '`/awscheck report`' },
      restricted: false,
      run: async () => {
        throw new Error('database is locked');
      },
    };
    const t = setup({ table: [...SUBCOMMANDS, broken] });
    await t.send('report');
    expect(JSON.stringify(t.replies[0])).toContain('Something went wrong on my side');
    expect(JSON.stringify(t.replies[0])).not.toContain('database is locked');
    expect(t.logger.error).toHaveBeenCalled();
  });
});
