// "Show all (N)" on a group, its menu for the checks without their own blocks, and Previous / Next in the
// findings modal. The value names a stored result set, a check and a page; whether the clicker may see
// findings is decided from body.user.id (AWSCHECK_SCANNERS) on every page, never from the value.
import { t } from '../../../i18n/locale.ts';
import type { BlockButtonAction, BlockStaticSelectAction, Middleware, SlackActionMiddlewareArgs, types, webApi } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { pageOf, renderFindingsModal, renderFindingsNotice } from '../../render/findings-modal.ts';
import type { Button } from '../../render/blocks.ts';
import type { CheckResult } from '../../../engine/types.ts';
import { groupFailures } from '../../results/groups.ts';
import { type GroupRef, parseGroupRef } from '../../results/group-ref.ts';
import { GTEXT } from '../../results/text.ts';

type Client = Pick<webApi.WebClient, 'usergroups' | 'users'>;

/** The modal for one page of one check's findings, or a notice saying why there is none. */
export async function findingsView(deps: SlackDeps, client: Client, userId: string, ref: GroupRef | undefined): Promise<types.ModalView> {
  const locale = await deps.userLocales.of(client, userId);
  if (!(await deps.scanners.allows(client, userId))) return renderFindingsNotice(t(locale, GTEXT.notAllowed), locale);
  const set = ref && deps.resultSets ? await deps.resultSets.get(ref.setId) : undefined;
  const group = ref && set ? groupFailures(set.failing.filter((r) => r.checkId === ref.checkId), deps.catalogue)[0] : undefined;
  if (!ref || !set || !group) return renderFindingsNotice(t(locale, GTEXT.expired), locale);
  // Buttons (and the snapshots behind Fix… and Accept risk) for this page only, before rendering.
  const findingButtons = new Map<CheckResult, readonly Button[]>();
  const { findingActions } = deps;
  if (findingActions) for (const finding of pageOf(group, ref.page).findings) findingButtons.set(finding, findingActions(finding, locale));
  return renderFindingsModal(group, ref, {
    locale,
    accountNames: new Map(set.accounts.map((a) => [a.accountId, a.name])),
    findingButtons,
  });
}

/** "Show all (N)" (button) or a pick from the menu: opens the modal on the first page. */
export function showAllAction(deps: SlackDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction | BlockStaticSelectAction>> {
  return async ({ ack, action, body, client }) => {
    await ack();
    deps.background.run(async () => {
      const value = action.type === 'static_select' ? action.selected_option.value : action.value;
      const view = await findingsView(deps, client, body.user.id, parseGroupRef(value));
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  };
}

/** Previous / Next: redraws the modal in place. */
export function findingsPageAction(deps: SlackDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async ({ ack, action, body, client }) => {
    await ack();
    const viewId = body.view?.id;
    if (!viewId) return;
    deps.background.run(async () => {
      const view = await findingsView(deps, client, body.user.id, parseGroupRef(action.value));
      await client.views.update({ view_id: viewId, ...(body.view?.hash ? { hash: body.view.hash } : {}), view });
    });
  };
}
