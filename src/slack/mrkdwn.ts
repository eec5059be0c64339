// Slack mrkdwn treats &, < and > as control characters: `<!channel>` pings a channel and `<url|text>` makes a
// link. Everything that comes from AWS or from users passes through escapeMrkdwn before it reaches Slack,
// which also keeps it to one line without formatting of its own: a tag or a name must not be able to start a
// line of its own (":white_check_mark: *Applied*"), bold itself, or reorder what follows with bidi controls.
import { SLACK_ID } from './ids.ts';

const CONTROL_CHARACTERS = /[&<>]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Line and paragraph breaks in any form, and the other C0 controls (a tab included): each becomes a space. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKS = /\r\n|[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

/** Bidi embeddings, overrides and isolates, and the invisible direction marks: they can make text read backwards. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A formatting marker where it could open bold, italics, strike or code: at the start, or after a space or
 * punctuation, and before something that is not a space. Markers inside words (role_name, s3:*) cannot,
 * and stay as they are so names can still be copied.
 */
const OPENING_MARKER = /(?<=^|[\s\p{P}\p{S}])[*_~`](?=\S)/gu;
const LOOKALIKE: Record<string, string> = { '*': '\u2217', _: '\uff3f', '~': '\u223c', '`': '\u02cb' };

/** One line, no bidi controls: what every value from AWS or a user is reduced to before it is shown. */
export function singleLine(text: string): string {
  return text.replace(BREAKS, ' ').replace(BIDI, '');
}

/** A value from AWS or a user, for mrkdwn: escaped, one line, unable to format itself. */
export function escapeMrkdwn(text: string): string {
  return singleLine(text)
    .replace(OPENING_MARKER, (marker) => LOOKALIKE[marker] ?? marker)
    .replace(CONTROL_CHARACTERS, (c) => ENTITIES[c] ?? c);
}

/**
 * awscheck's own multi-line texts (a check's why and guide), whose line breaks and `code` are meant: only the
 * control characters and bidi controls are neutralised. Never for values from AWS or users.
 */
export function escapeOwnText(text: string): string {
  return text.replace(BIDI, '').replace(CONTROL_CHARACTERS, (c) => ENTITIES[c] ?? c);
}

/** Shortens already-escaped mrkdwn to at most `max` characters without leaving half an entity (`&am`). */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1)).replace(/&[a-z]*$/, '');
  return `${cut}…`;
}

// Clipping is not Slack's own: the report's Markdown uses it too.
export { clipText } from '../render/clip.ts';

/** Inline code that survives backticks and line breaks in the text (mrkdwn has no escape for them). */
export function code(text: string): string {
  // Nothing formats inside code, so only what could end it early or break the line is replaced.
  return `\`${singleLine(text).replace(/`/g, "'").replace(CONTROL_CHARACTERS, (c) => ENTITIES[c] ?? c)}\``;
}

/**
 * A line awscheck built around AWS values in which `backticks` mark commands or ids to show as code (a fix's
 * plan and access hints): the code spans stay code, everything else is escaped like any value.
 */
export function escapeWithCode(line: string): string {
  const parts = singleLine(line).split('`');
  // An odd number of backticks leaves the last one unpaired: it is text, not the start of code.
  if (parts.length % 2 === 0) parts[parts.length - 2] = `${parts[parts.length - 2] ?? ''}'${parts.pop() ?? ''}`;
  return parts.map((part, i) => (i % 2 === 1 ? code(part) : escapeMrkdwn(part))).join('');
}

/** Slack renders this in each reader's own time zone; the fallback is for clients that cannot. */
export function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  if (!Number.isFinite(seconds)) return escapeMrkdwn(iso);
  return `<!date^${seconds}^{date_short_pretty} {time}|${escapeMrkdwn(iso)}>`;
}

/** A channel ID becomes a link Slack renders as #name; anything else is shown as typed. */
export function channelText(channel: string): string {
  return SLACK_ID.channel.test(channel) ? `<#${channel}>` : escapeMrkdwn(channel);
}
