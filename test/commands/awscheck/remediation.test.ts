// `/awscheck risks` and `/awscheck audit [N]` as subcommands: routing, usage, privacy, and what they say
// without a remediation store. (Their Slack round trips are in test/remediation/*.http.test.ts.)
import { describe, expect, it, vi } from 'vitest';
import { awscheckCommand } from '../../../commands/awscheck/index.ts';
import { SUBCOMMANDS } from '../../../commands/awscheck/router.ts';
import { ScanService } from '../../../src/app/scan-service.ts';
import { scan } from '../../../src/engine/scan.ts';
import { defaultSettings } from '../../../src/config/schema.ts';
import { AuditLog } from '../../../src/remediation/audit.ts';
import { createRemediation } from '../../../src/remediation/feature.ts';
import { BackgroundTasks } from '../../../src/slack/listeners/background.ts';
import type { SlackDeps } from '../../../src/slack/deps.ts';
import { ScannerAllowlist } from '../../../src/slack/access/scanners.ts';
import { UserLocaleCache } from '../../../src/slack/access/user-locale.ts';
import { fakeSlackClient } from '../../helpers/fake-slack-client.ts';
import { fixRequest, memoryStore, riskAcceptance, storeRisk } from '../../remediation/fixtures.ts';
import { TestClock } from '../../remediation/harness.ts';

async function setup(options: { withRemediation?: boolean; scanners?: string[] } = {}) {
  const store = memoryStore();
  const clock = new TestClock();
  const remediation = createRemediation({
    store: store.remediation,
    settings: defaultSettings(),
    config: { enabled: true, approvers: ['U0BOB'], allowSelfApproval: false, approvalChannel: 'C0APPROVE', approvalTtlMs: 86_400_000, riskSelfAccept: false },
    listed: async (id) => id === 'U0BOB',
    clock,
  });
  const deps: SlackDeps = {
    scans: new ScanService({ scan, deps: { settings: defaultSettings(), checks: [] } }),
    catalogue: [],
    settings: defaultSettings(),
    locale: 'en',
    userLocales: new UserLocaleCache('en'),
    scanners: new ScannerAllowlist(options.scanners ?? []),
    background: new BackgroundTasks((err) => {
      throw err;
    }),
    ...(options.withRemediation === false ? {} : { remediation }),
  };
  const replies: Record<string, unknown>[] = [];
  const respond = vi.fn(async (message: Record<string, unknown>) => {
    replies.push(message);
    return new Response('ok');
  });
  const { client } = fakeSlackClient();
  const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
  const listener = awscheckCommand(deps, SUBCOMMANDS);
  const send = async (text: string, user = 'U0ALICE') => {
    await listener({ command: { text, user_id: user, channel_id: 'C0TEST' }, ack: vi.fn(), respond, client, logger } as never);
    await deps.background.idle();
    return JSON.stringify(replies.at(-1));
  };
  return { store, remediation, send, replies, close: () => store.close() };
}

describe('/awscheck risks and /awscheck audit', () => {
  it('are listed in the help', async () => {
    const t = await setup();
    const help = await t.send('help');
    expect(help).toContain('`/awscheck risks`');
    expect(help).toContain('`/awscheck audit [N]`');
    await t.close();
  });

  it('lists accepted risks privately, even when asked `public`', async () => {
    const t = await setup();
    await storeRisk(t.store.remediation, riskAcceptance({ expiresAt: '2026-12-20T00:00:00.000Z', reason: 'owner <!channel> agreed' }));
    const listed = await t.send('risks public');
    expect(t.replies.at(-1)).toMatchObject({ response_type: 'ephemeral' });
    expect(listed).toContain('Accepted risks (1)');
    expect(listed).toContain('owner &lt;!channel&gt; agreed');
    expect(listed).toContain('awscheck_risk_revoke');
    await t.close();
  });

  it('shows the latest N audit entries, and explains a bad N', async () => {
    const t = await setup();
    const log = new AuditLog(t.store.remediation);
    for (const [i, event] of (['fix.requested', 'fix.approved', 'fix.applied'] as const).entries()) {
      await log.fix(fixRequest(), event, i === 0 ? 'U0ALICE' : 'U0BOB', `2026-11-25T09:0${i}:00.000Z`);
    }
    const two = await t.send('audit 2');
    expect(two).toContain('Audit trail: latest 2');
    expect(two).toContain('fix applied');
    expect(two).not.toContain('fix requested');
    expect(await t.send('audit')).toContain('fix requested');
    expect(await t.send('audit 500')).toContain('give a number of entries from 1 to 50');
    expect(await t.send('audit lots')).toContain('`lots`');
    await t.close();
  });

  it('are for people who may scan', async () => {
    const t = await setup({ scanners: ['U0BOB'] });
    expect(await t.send('audit')).toContain("you're not on the list");
    expect(await t.send('risks')).toContain("you're not on the list");
    await t.close();
  });

  it('say so when there is no remediation store', async () => {
    const t = await setup({ withRemediation: false });
    expect(await t.send('risks')).toContain('Remediation is not set up');
    expect(await t.send('audit')).toContain('Remediation is not set up');
    await t.close();
  });
});
