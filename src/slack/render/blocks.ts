// Small Block Kit builders. Every mrkdwn text is verbatim unless asked otherwise, so Slack does not turn a
// bare URL or an @-word from AWS into a link or a mention; every text is clipped to its limit.
import type { types } from '@slack/bolt';
import { clipMrkdwn, clipText } from '../mrkdwn.ts';
import { BLOCK_KIT } from './limits.ts';

export type Block = types.KnownBlock;
export type Button = types.Button;

export interface MrkdwnOptions {
  /** Our own catalogue text may auto-link its console URLs; text from AWS or users never does. */
  linkify?: boolean;
  max?: number;
}

export function mrkdwn(text: string, options: MrkdwnOptions = {}): types.MrkdwnElement {
  return { type: 'mrkdwn', text: clipMrkdwn(text, options.max ?? BLOCK_KIT.maxText), verbatim: options.linkify !== true };
}

export function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: clipText(text, max), emoji: true };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plain(text, BLOCK_KIT.maxHeader) };
}

export function section(text: string, accessory?: Button, options: MrkdwnOptions = {}): types.SectionBlock {
  return { type: 'section', text: mrkdwn(text, options), ...(accessory ? { accessory } : {}) };
}

export function fields(texts: readonly string[]): types.SectionBlock {
  return { type: 'section', fields: texts.slice(0, 10).map((text) => mrkdwn(text, { max: 2000 })) };
}

export function context(texts: readonly string[]): types.ContextBlock {
  return { type: 'context', elements: texts.slice(0, BLOCK_KIT.maxContextElements).map((text) => mrkdwn(text)) };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

export function actions(elements: readonly Button[]): types.ActionsBlock {
  return { type: 'actions', elements: elements.slice(0, BLOCK_KIT.maxActions) };
}

export function button(label: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: plain(label, BLOCK_KIT.maxButtonText),
    action_id: actionId,
    value: value.slice(0, 2000),
    ...(style ? { style } : {}),
  };
}
