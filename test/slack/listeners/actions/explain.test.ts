// The Explain button's callback, called directly with fake ack and client.
import { describe, expect, it } from 'vitest';
import { explainAction } from '../../../../src/slack/listeners/actions/explain.ts';
import { fakeCheck } from '../../fixtures.ts';
import { ALICE, KANA, KENJI, click, listenerSetup } from '../setup.ts';

const check = fakeCheck({ items: () => [] });

describe('explainAction', () => {
  it("acks, then opens the check's tutorial in the clicker's own language", async () => {
    const t = listenerSetup({ checks: [check] });
    const listener = explainAction(t.deps);
    for (const user of [ALICE, KENJI]) await listener({ ...click(user, check.id), ack: t.ack, client: t.client, logger: t.logger } as never);
    expect(t.order[0]).toBe('ack');
    const [alice, kenji] = t.slack.callsTo('views.open').map((c) => JSON.stringify(c.params.view));
    expect(alice).not.toMatch(KANA);
    expect(kenji).toMatch(KANA);
    await t.close();
  });

  it('opens nothing for a check id it does not know, and says so in the log', async () => {
    const t = listenerSetup({ checks: [check] });
    await explainAction(t.deps)({ ...click(ALICE, 'iam.nope <!channel>'), ack: t.ack, client: t.client, logger: t.logger } as never);
    expect(t.ack).toHaveBeenCalledOnce();
    expect(t.slack.callsTo('views.open')).toEqual([]);
    expect(t.logger.warn).toHaveBeenCalledOnce();
    await t.close();
  });
});
