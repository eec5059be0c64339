// The composition root builds the bot's services around one Slack Web API client: Bolt's. A report and an
// approver lookup that went through a client of their own would not reach the spies on app.client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogLevel } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Bot, composeBot } from '../../src/app/compose.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { httpSlackConfig } from '../helpers/http-bot.ts';
import { result, scanReport } from '../report/fixtures.ts';

let slack: FakeSlack;
let dir: string;
let composed: Bot | undefined;

beforeEach(async () => {
  slack = await startFakeSlack({ usergroups: { S0APPROVERS: ['U0CAROL'] } });
  dir = mkdtempSync(join(tmpdir(), 'awscheck-compose-'));
});
afterEach(async () => {
  await composed?.shutdown();
  composed = undefined;
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('composeBot', () => {
  it('posts the report and looks approvers up with Bolt’s app.client, the one client of the process', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    composed = await composeBot(
      {
        config: { settings: defaultSettings() },
        slack: { ...httpSlackConfig(slack.apiUrl), host: '127.0.0.1' },
        history: {
          store: { path: join(dir, 'awscheck.db'), retentionDays: 90 },
          schedule: { channel: 'C0REPORT', timeZone: 'UTC', cron: '0 9 * * *' },
        },
        remediation: {
          enabled: true,
          approvers: ['S0APPROVERS'],
          allowSelfApproval: false,
          approvalChannel: 'C0APPROVE',
          approvalTtlMs: 86_400_000,
          riskSelfAccept: false,
        },
        alerts: {},
      },
      { logLevel: LogLevel.ERROR },
    );
    await composed.start();
    const { client } = composed.bot.app;
    const posted = vi.spyOn(client.chat, 'postMessage');
    const groups = vi.spyOn(client.usergroups.users, 'list');

    await composed.history.store.saveScan(scanReport([result()]));
    const { record } = await composed.history.reports.post(undefined);
    expect(record.status).toBe('posted');
    expect(posted).toHaveBeenCalledWith(expect.objectContaining({ channel: 'C0REPORT' }));

    expect(await composed.remediation.policy.isApprover('U0CAROL')).toBe(true);
    expect(groups).toHaveBeenCalledWith(expect.objectContaining({ usergroup: 'S0APPROVERS' }));
  });
});
