// Approve and the Fix all decision buttons, called directly: Slack gets its ack first; whoever clicked
// hears, in their own language and only through the click's response_url, why nothing happened.
import { describe, expect, it } from 'vitest';
import { approveFixAction } from '../../../../src/slack/listeners/actions/approve.ts';
import { fixAllDecisionAction } from '../../../../src/slack/listeners/actions/fix-all-decision.ts';
import { ALICE, KANA, KENJI, click, listenerSetup } from '../setup.ts';

describe('approveFixAction', () => {
  it('acks first, then says a request it cannot find is gone, in each clicker\'s language', async () => {
    const t = listenerSetup();
    const listener = approveFixAction(t.deps, 'fix');
    for (const user of [ALICE, KENJI]) await listener({ ...click(user, 'no-such-request'), ack: t.ack, respond: t.respond, client: t.client } as never);
    await t.idle();
    expect(t.order[0]).toBe('ack');
    expect(t.replies).toHaveLength(2);
    expect(t.replies.every((r) => r.response_type === 'ephemeral' && r.replace_original === false)).toBe(true);
    expect(String(t.replies[0]?.text)).not.toMatch(KANA);
    expect(String(t.replies[1]?.text)).toMatch(KANA);
    await t.close();
  });

  it('writes nothing once remediation is turned off, and says so', async () => {
    const t = listenerSetup({ remediationEnabled: false });
    await approveFixAction(t.deps, 'fix')({ ...click(KENJI, 'r1'), ack: t.ack, respond: t.respond, client: t.client } as never);
    await t.idle();
    expect(String(t.replies[0]?.text)).toContain('AWSCHECK_REMEDIATION');
    expect(String(t.replies[0]?.text)).toMatch(KANA);
    await t.close();
  });
});

describe('fixAllDecisionAction', () => {
  it('asks the service with the clicked batch id and the signed user, and answers the clicker', async () => {
    const t = listenerSetup();
    const asked: [string | undefined, string][] = [];
    const listener = fixAllDecisionAction(t.deps, async (deps, _client, id, user) => {
      asked.push([id, user]);
      return deps.remediation.batches.stopOrReject(id, user);
    });
    await listener({ ...click(KENJI, 'batch-1'), ack: t.ack, respond: t.respond, client: t.client } as never);
    await t.idle();
    expect(asked).toEqual([['batch-1', KENJI]]);
    expect(t.replies).toHaveLength(1);
    expect(String(t.replies[0]?.text)).toMatch(KANA);
    await t.close();
  });
});
