// The "Fix all" approval request at its largest: 50 resources with long plans and hostile names, skipped
// resources and a capped group stay inside Block Kit's limits, escaped; buttons follow the batch's state.
import { describe, expect, it } from 'vitest';
import type { FixBatch } from '../../../src/remediation/batch.ts';
import type { FixRequest } from '../../../src/remediation/store.ts';
import { BATCH_ACTIONS } from '../../../src/slack/ids.ts';
import { renderBatchRequest } from '../../../src/slack/render/batch-request.ts';
import { measureBlocks } from '../../../src/slack/render/limits.ts';
import { expectWithinBlockKit } from '../../helpers/block-kit.ts';
import { resultOf, SSH_FINDING } from '../../remediation/harness.ts';

const T0 = '2026-11-25T09:00:00.000Z';
const HOSTILE = '<!channel> *bold* `tick` ‮evil';

function request(i: number, state: FixRequest['state'] = 'requested'): FixRequest {
  return {
    id: `req-${i}`,
    fixId: 'ec2.revoke-world-open-rule',
    finding: resultOf('ec2.sg-admin-port-ipv4', { ...SSH_FINDING, resourceId: `sg-${i}${HOSTILE}`, subResourceId: `sgr-${i}` }),
    findingKey: `k${i}`,
    inputs: {},
    preview: { lines: [`Revoke rule sgr-${i} of sg-${i} (${HOSTILE}) ${'x'.repeat(400)}`, 'second line'], warnings: [], current: {} },
    state,
    requestedBy: 'U0ALICE',
    requestedAt: T0,
    expiresAt: T0,
    updatedAt: T0,
  };
}

function batch(state: FixBatch['state'], n: number): FixBatch {
  return {
    id: 'batch-1',
    checkId: 'ec2.sg-admin-port-ipv4',
    fixId: 'ec2.revoke-world-open-rule',
    requestIds: Array.from({ length: n }, (_, i) => `req-${i}`),
    skipped: Array.from({ length: 30 }, (_, i) => ({ label: `sg-skip-${i}${HOSTILE}`, reason: 'another request for it is open' })),
    groupSize: 120,
    inputs: { replacementCidr: '203.0.113.0/24' },
    state,
    requestedBy: 'U0ALICE',
    requestedAt: T0,
    expiresAt: T0,
    approval: { by: 'U0BOB', at: T0 },
    updatedAt: T0,
  };
}

const OPTIONS = { locale: 'en' as const, fixTitle: 'Close a world-open rule', approvers: ['U0BOB'], allowSelfApproval: false };
const actionIds = (blocks: unknown[]) =>
  (blocks as { type: string; elements?: { action_id?: string }[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []).map((e) => e.action_id);

describe('the Fix all approval request', () => {
  it('lists 50 resources, the skipped ones and the cap inside Block Kit limits, escaped', () => {
    const requests = Array.from({ length: 50 }, (_, i) => request(i));
    const message = renderBatchRequest(batch('requested', 50), requests, OPTIONS);
    expectWithinBlockKit(message);
    expect(measureBlocks(message.blocks).totalText).toBeLessThanOrEqual(11_000);
    const all = JSON.stringify(message.blocks);
    for (let i = 0; i < 50; i++) expect(all).toContain(`sgr-${i}`);
    expect(all).not.toContain('<!channel>');
    expect(all).toContain('covers 80 of 120 resources');
    expect(all).toContain('Skipped, not requested (30)');
    expect(actionIds(message.blocks)).toEqual([BATCH_ACTIONS.approve, BATCH_ACTIONS.reject]);
  });

  it('shows progress and Stop while running, then Undo all and Undo one for the applied resources', () => {
    const running = renderBatchRequest(batch('running', 3), [request(0, 'applied'), request(1, 'applied'), request(2)], OPTIONS);
    expect(JSON.stringify(running.blocks)).toContain('2 of 3 applied');
    expect(actionIds(running.blocks)).toEqual([BATCH_ACTIONS.stop]);
    const done = renderBatchRequest(batch('stopped', 3), [request(0, 'applied'), request(1, 'rejected'), request(2, 'rejected')], OPTIONS);
    expect(actionIds(done.blocks)).toEqual([BATCH_ACTIONS.undoAll, BATCH_ACTIONS.undoOne]);
    const select = (done.blocks as { elements?: { action_id?: string; options?: { value: string }[] }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === BATCH_ACTIONS.undoOne);
    expect(select?.options?.map((o) => o.value)).toEqual(['req-0']);
  });
});
