// The approval request message: everything from AWS or people is escaped, each state shows only the
// buttons it allows, and the message stays inside Block Kit's limits.
import { describe, expect, it } from 'vitest';
import type { FixRequest } from '../../../src/remediation/store.ts';
import { REMEDIATION_ACTIONS } from '../../../src/slack/ids.ts';
import { renderFixRequest, renderRequesterUpdate } from '../../../src/slack/render/approval-request.ts';
import { renderRiskRequest } from '../../../src/slack/render/risk-request.ts';
import { BLOCK_KIT, measureBlocks } from '../../../src/slack/render/limits.ts';
import { fixRequest, riskAcceptance } from '../../remediation/fixtures.ts';
import { testEvidence } from '../../helpers/test-words.ts';

const EVIL = 'sg "<!channel>" <https://evil.example|click> & more';
const options = { locale: 'en' as const, fixTitle: 'Close only this world-open security group rule', approvers: ['U0BOB', 'S0SEC'], allowSelfApproval: false };

function actionIds(message: { blocks: unknown[] }): string[] {
  return (message.blocks as { type: string; elements?: { action_id?: string }[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''));
}

function applied(overrides: Partial<FixRequest> = {}): FixRequest {
  return fixRequest({
    state: 'applied',
    approval: { by: 'U0BOB', at: '2026-11-25T09:01:00.000Z' },
    result: {
      status: 'applied',
      before: {},
      after: {},
      requestIds: ['req-<1>'],
      message: `Revoked ${EVIL}`,
      verified: true,
      accessHints: [`i-1: \`aws ssm start-session --target i-1 --region eu-west-1\` https://eu-west-1.console.aws.amazon.com/ ${EVIL}`],
      at: '2026-11-25T09:01:02.000Z',
    },
    note: `note ${EVIL}`,
    ...overrides,
  });
}

describe('fix approval request', () => {
  it('escapes AWS text in the evidence, plan, warnings, outcome, hints and notes', () => {
    const request = applied({
      // The message is what renderers word; the stored text stands in only without one.
      finding: { ...fixRequest().finding, evidence: `evidence ${EVIL}`, message: testEvidence(`evidence ${EVIL}`), resourceId: 'sg-<x>' },
      preview: { lines: [`plan ${EVIL}`], warnings: [`warn ${EVIL}`], current: null },
    });
    const json = JSON.stringify(renderFixRequest(request, options));
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<https://evil.example');
    for (const where of ['evidence', 'plan', 'warn', 'Revoked', 'note']) expect(json).toContain(`${where} sg \\"&lt;!channel&gt;\\" &lt;https://evil.example|click&gt; &amp; more`);
    expect(json).toContain('`req-&lt;1&gt;`');
    // Our own mentions stay mentions.
    expect(json).toContain('<@U0ALICE>');
    expect(json).toContain('<!subteam^S0SEC>');
  });

  it('shows the buttons each state allows, and none once it is settled', () => {
    expect(actionIds(renderFixRequest(fixRequest(), options))).toEqual([REMEDIATION_ACTIONS.approveFix, REMEDIATION_ACTIONS.rejectFix]);
    expect(actionIds(renderFixRequest(applied(), options))).toEqual([REMEDIATION_ACTIONS.undo]);
    expect(actionIds(renderFixRequest(applied({ state: 'undo_requested', undoRequest: { by: 'U0ALICE', at: 'x' } }), options))).toEqual([
      REMEDIATION_ACTIONS.approveUndo,
      REMEDIATION_ACTIONS.rejectUndo,
    ]);
    for (const state of ['approved', 'applying', 'unchanged', 'failed', 'rejected', 'expired', 'undoing', 'undone'] as const) {
      expect(actionIds(renderFixRequest(fixRequest({ state }), options))).toEqual([]);
    }
    const update = renderRequesterUpdate(applied(), 'ja');
    expect(actionIds(update)).toEqual([REMEDIATION_ACTIONS.undo]);
    expect(JSON.stringify(update)).toContain('適用しました');
  });

  it('stays inside Block Kit limits with a huge preview', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(100)}`);
    const long = 'y'.repeat(5000);
    const base = applied();
    const message = renderFixRequest(
      applied({ preview: { lines, warnings: lines, current: null }, note: long, result: { ...base.result!, message: long, accessHints: lines } }),
      options,
    );
    const size = measureBlocks(message.blocks);
    expect(size.blocks).toBeLessThanOrEqual(BLOCK_KIT.maxMessageBlocks);
    expect(size.longestText).toBeLessThanOrEqual(BLOCK_KIT.maxText);
    expect(size.totalText).toBeLessThanOrEqual(BLOCK_KIT.maxMessageText);
  });
});

describe('risk acceptance request', () => {
  it('escapes the reason and offers Approve / Reject only while waiting', () => {
    const waiting = renderRiskRequest(riskAcceptance({ state: 'requested', reason: `because ${EVIL}` }), options);
    expect(JSON.stringify(waiting)).toContain('because sg \\"&lt;!channel&gt;\\"');
    expect(actionIds(waiting)).toEqual([REMEDIATION_ACTIONS.approveRisk, REMEDIATION_ACTIONS.rejectRisk]);
    expect(actionIds(renderRiskRequest(riskAcceptance(), options))).toEqual([]);
  });
});
