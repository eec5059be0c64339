// Opens a modal from a click: pushed onto the stack when the click came from inside a modal (the "Show all"
// pages), since views.open only works from messages and App Home.
import type { types, webApi } from '@slack/bolt';

interface Click {
  trigger_id: string;
  view?: { type?: string };
}

export async function openView(client: Pick<webApi.WebClient, 'views'>, body: Click, view: types.ModalView): Promise<void> {
  if (body.view?.type === 'modal') await client.views.push({ trigger_id: body.trigger_id, view });
  else await client.views.open({ trigger_id: body.trigger_id, view });
}
