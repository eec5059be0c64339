// The rejection modal's callback, called directly: a reason too long is refused in the modal, in the
// submitter's language; metadata that names nothing of ours does nothing.
import { describe, expect, it } from 'vitest';
import { MAX_REASON_LENGTH } from '../../../../src/remediation/risks.ts';
import { REMEDIATION_VIEWS } from '../../../../src/slack/ids.ts';
import { rejectView } from '../../../../src/slack/listeners/views/reject.ts';
import { FIELDS } from '../../../../src/slack/render/remediation-modals.ts';
import { ALICE, KANA, KENJI, listenerSetup, submission } from '../setup.ts';

const reason = (text: string) => ({ [FIELDS.rejectReason]: { [FIELDS.rejectReason]: { value: text } } });

describe('rejectView', () => {
  it("refuses a reason over the limit inside the modal, in the submitter's language", async () => {
    const t = listenerSetup();
    const listener = rejectView(t.deps);
    const tooLong = reason('x'.repeat(MAX_REASON_LENGTH + 1));
    for (const user of [ALICE, KENJI]) {
      await listener({ ...submission(user, REMEDIATION_VIEWS.reject, JSON.stringify({ kind: 'fix', id: 'r1' }), tooLong), ack: t.ack, client: t.client } as never);
    }
    const [alice, kenji] = t.acks as { response_action: string; errors: Record<string, string> }[];
    expect(alice?.response_action).toBe('errors');
    expect(alice?.errors[FIELDS.rejectReason]).not.toMatch(KANA);
    expect(kenji?.errors[FIELDS.rejectReason]).toMatch(KANA);
    await t.close();
  });

  it('closes the modal and does nothing for metadata it did not make', async () => {
    const t = listenerSetup();
    await rejectView(t.deps)({ ...submission(ALICE, REMEDIATION_VIEWS.reject, '{"kind":"everything"}', reason('no')), ack: t.ack, client: t.client } as never);
    await t.idle();
    expect(t.acks).toEqual([undefined]);
    expect(t.slack.calls.filter((c) => c.method !== 'users.info')).toEqual([]);
    await t.close();
  });

  it("tells the submitter, in their language, that a request it cannot find is gone", async () => {
    const t = listenerSetup();
    await rejectView(t.deps)({ ...submission(KENJI, REMEDIATION_VIEWS.reject, JSON.stringify({ kind: 'fix', id: 'missing' })), ack: t.ack, client: t.client } as never);
    await t.idle();
    expect(t.directMessages()).toHaveLength(1);
    expect(t.directMessages()[0]).toMatch(KANA);
    await t.close();
  });
});
