// "Show all" callbacks, called directly: the modal (or the notice in its place) is in the clicker's language,
// and whether findings are shown is decided from body.user.id.
import { describe, expect, it } from 'vitest';
import { showAllAction } from '../../../../src/slack/listeners/actions/show-all.ts';
import { groupRefValue } from '../../../../src/slack/results/group-ref.ts';
import { result } from '../../fixtures.ts';
import { ALICE, KANA, KENJI, click, listenerSetup } from '../setup.ts';

describe('showAllAction', () => {
  it("opens a stored group's findings for someone who may scan, in their language", async () => {
    const t = listenerSetup();
    const finding = result({ status: 'FAIL', resourceId: 'sg-0abc' });
    const setId = await t.deps.resultSets!.save({ accounts: [{ accountId: finding.accountId, name: 'prod' }], failing: [finding] });
    const value = groupRefValue({ setId, checkId: finding.checkId, page: 0 });
    const listener = showAllAction(t.deps);
    for (const user of [ALICE, KENJI]) await listener({ ...click(user, value), ack: t.ack, client: t.client } as never);
    await t.idle();
    const [alice, kenji] = t.slack.callsTo('views.open').map((c) => JSON.stringify(c.params.view));
    expect(alice).toContain('sg-0abc');
    expect(alice).not.toMatch(KANA);
    expect(kenji).toContain('sg-0abc');
    expect(kenji).toMatch(KANA);
    await t.close();
  });

  it('shows a notice instead of findings to someone not in AWSCHECK_SCANNERS, whatever the value says', async () => {
    const t = listenerSetup({ scanners: ['U0BOB'] });
    const finding = result({ status: 'FAIL', resourceId: 'sg-secret' });
    const setId = await t.deps.resultSets!.save({ accounts: [], failing: [finding] });
    await showAllAction(t.deps)({ ...click(KENJI, groupRefValue({ setId, checkId: finding.checkId, page: 0 })), ack: t.ack, client: t.client } as never);
    await t.idle();
    const view = JSON.stringify(t.slack.callsTo('views.open')[0]?.params.view);
    expect(view).not.toContain('sg-secret');
    expect(view).toMatch(KANA);
    await t.close();
  });

  it('says the list is gone for a value it did not make', async () => {
    const t = listenerSetup();
    await showAllAction(t.deps)({ ...click(ALICE, 'not|a|ref'), ack: t.ack, client: t.client } as never);
    await t.idle();
    expect(t.ack).toHaveBeenCalledOnce();
    expect(JSON.stringify(t.slack.callsTo('views.open')[0]?.params.view)).toContain('no longer kept');
    await t.close();
  });
});
