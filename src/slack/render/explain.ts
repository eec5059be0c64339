// A check's beginner tutorial: why it matters and the step-by-step fix, for a message or a modal.
import type { types } from '@slack/bolt';
import type { CheckMeta } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { MSG } from '../messages.ts';
import { escapeOwnText } from '../mrkdwn.ts';
import { type Block, context, header, plain, section } from './blocks.ts';
import { BLOCK_KIT } from './limits.ts';
import { TERMS } from '../../i18n/terms.ts';

export function renderExplain(check: CheckMeta, locale: Locale): { text: string; blocks: Block[] } {
  const title = t(locale, check.title);
  // Catalogue text is ours, so its console URLs may become links (linkify); it is still escaped.
  const blocks: Block[] = [
    header(title),
    context([t(locale, MSG.checkFacts(check.id, check.severity, check.cis.join(', '), check.securityHub.join(', ')))]),
    section(`${t(locale, MSG.whyHeading)}\n${escapeOwnText(t(locale, check.why))}`, undefined, { linkify: true }),
    section(`${t(locale, MSG.guideHeading)}\n${escapeOwnText(t(locale, check.guide))}`, undefined, { linkify: true }),
  ];
  return { text: title, blocks };
}

export function renderExplainModal(check: CheckMeta, locale: Locale): types.ModalView {
  return {
    type: 'modal',
    title: plain(t(locale, MSG.explainModalTitle), BLOCK_KIT.maxModalTitle),
    close: plain(t(locale, TERMS.close), BLOCK_KIT.maxModalTitle),
    blocks: renderExplain(check, locale).blocks,
  };
}
