import { describe, expect, it } from 'vitest';
import { rootMfa } from '../../../checks/iam/root-mfa/check.ts';
import { renderChecksList } from '../../../src/slack/render/checks-list.ts';
import { renderExplain, renderExplainModal } from '../../../src/slack/render/explain.ts';
import { renderHelp } from '../../../src/slack/render/help.ts';

describe('catalogue messages', () => {
  it('explains a check: why it matters and the steps, in the chosen language', () => {
    const en = JSON.stringify(renderExplain(rootMfa, 'en').blocks);
    expect(en).toContain('Root user has MFA enabled');
    expect(en).toContain('*Why it matters*');
    expect(en).toContain('Assign MFA device');
    expect(en).toContain('CIS 1.5 · Security Hub IAM.9');
    const ja = JSON.stringify(renderExplain(rootMfa, 'ja').blocks);
    expect(ja).toContain('*なぜ重要か*');
    expect(ja).toContain('MFA デバイスの割り当て');
  });

  it('fits the modal title limit', () => {
    const modal = renderExplainModal(rootMfa, 'en');
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
  });

  it('lists the catalogue by service', () => {
    const json = JSON.stringify(renderChecksList([rootMfa], 'en').blocks);
    expect(json).toContain('*IAM*');
    expect(json).toContain('`iam.root-mfa` Root user has MFA enabled');
  });

  it('builds the help from the subcommand table', () => {
    const help = renderHelp([{ help: { en: '`/awscheck report` — the daily report', ja: '`/awscheck report` — 日次レポート' } }], 'en', 'I didn\'t understand `x`.');
    const json = JSON.stringify(help.blocks);
    expect(json).toContain('`/awscheck report` — the daily report');
    expect(json).toContain("I didn't understand `x`. Here is what I can do:");
  });
});
