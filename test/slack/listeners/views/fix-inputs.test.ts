// The fix inputs modals' callbacks (one fix, Fix all), called directly: bad input is answered in the modal
// in the submitter's language; good input closes it and the rest follows privately.
import { describe, expect, it } from 'vitest';
import { BATCH_VIEWS, REMEDIATION_VIEWS } from '../../../../src/slack/ids.ts';
import { fixAllInputsView } from '../../../../src/slack/listeners/views/fix-all-inputs.ts';
import { fixInputsView } from '../../../../src/slack/listeners/views/fix-inputs.ts';
import { FIELDS, MAX_INPUT_LENGTH } from '../../../../src/slack/render/remediation-modals.ts';
import { ALICE, KANA, KENJI, listenerSetup, submission } from '../setup.ts';

const cidr = (value: string) => ({ [FIELDS.replacementCidr]: { [FIELDS.replacementCidr]: { value } } });

describe('fixInputsView', () => {
  it("refuses an input over the modal's limit in the modal, in the submitter's language", async () => {
    const t = listenerSetup();
    const listener = fixInputsView(t.deps);
    for (const user of [ALICE, KENJI]) {
      await listener({ ...submission(user, REMEDIATION_VIEWS.fixInputs, 'snapshot', cidr('1'.repeat(MAX_INPUT_LENGTH + 1))), ack: t.ack, client: t.client } as never);
    }
    const [alice, kenji] = t.acks as { errors: Record<string, string> }[];
    expect(alice?.errors[FIELDS.replacementCidr]).not.toMatch(KANA);
    expect(kenji?.errors[FIELDS.replacementCidr]).toMatch(KANA);
    await t.close();
  });

  it('closes the modal, then tells the submitter privately that the finding is gone', async () => {
    const t = listenerSetup();
    await fixInputsView(t.deps)({ ...submission(KENJI, REMEDIATION_VIEWS.fixInputs, 'unknown-snapshot', cidr('203.0.113.0/24')), ack: t.ack, client: t.client } as never);
    await t.idle();
    expect(t.acks).toEqual([undefined]);
    expect(t.directMessages()).toHaveLength(1);
    expect(t.directMessages()[0]).toMatch(KANA);
    await t.close();
  });
});

describe('fixAllInputsView', () => {
  it('refuses an input over the limit before anything else is read or said', async () => {
    const t = listenerSetup();
    await fixAllInputsView(t.deps)({ ...submission(ALICE, BATCH_VIEWS.inputs, 'x|y|0', cidr('1'.repeat(MAX_INPUT_LENGTH + 1))), ack: t.ack, client: t.client } as never);
    expect(t.acks[0]).toMatchObject({ response_action: 'errors' });
    expect(t.directMessages()).toEqual([]);
    await t.close();
  });

  it('closes the modal and says the list is gone, in the submitter\'s language, for a group it no longer keeps', async () => {
    const t = listenerSetup();
    await fixAllInputsView(t.deps)({ ...submission(KENJI, BATCH_VIEWS.inputs, 'not-a-ref', cidr('')), ack: t.ack, client: t.client } as never);
    await t.idle();
    expect(t.acks).toEqual([undefined]);
    expect(t.directMessages()).toHaveLength(1);
    expect(t.directMessages()[0]).toMatch(KANA);
    await t.close();
  });
});
