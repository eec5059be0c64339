// App Home's callback, called directly with a fake client: published for the user who opened it, in their language.
import { describe, expect, it } from 'vitest';
import { appHomeOpened } from '../../../../src/slack/listeners/events/app-home-opened.ts';
import { ALICE, KANA, KENJI, listenerSetup } from '../setup.ts';

const opened = (user: string, tab = 'home') => ({ event: { type: 'app_home_opened', user, channel: 'D0HOME', tab } });

describe('appHomeOpened', () => {
  it("publishes the tab to whoever opened it, in that person's language", async () => {
    const t = listenerSetup();
    const listener = appHomeOpened(t.deps);
    await listener({ ...opened(ALICE), client: t.client } as never);
    await listener({ ...opened(KENJI), client: t.client } as never);
    const published = t.slack.callsTo('views.publish');
    expect(published.map((c) => c.params.user_id)).toEqual([ALICE, KENJI]);
    expect(JSON.stringify(published[0]?.params.view)).not.toMatch(KANA);
    expect(JSON.stringify(published[1]?.params.view)).toMatch(KANA);
    await t.close();
  });

  it('ignores the Messages tab', async () => {
    const t = listenerSetup();
    await appHomeOpened(t.deps)({ ...opened(ALICE, 'messages'), client: t.client } as never);
    expect(t.slack.calls).toEqual([]);
    await t.close();
  });
});
