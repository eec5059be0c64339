// Slack mrkdwn treats &, < and > as control characters: `<!channel>` pings a channel and `<url|text>` makes a
// link. Everything that comes from AWS or from users passes through escapeMrkdwn before it reaches Slack.

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shortens already-escaped mrkdwn to at most `max` characters without leaving half an entity (`&am`). */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1)).replace(/&[a-z]*$/, '');
  return `${cut}…`;
}

/** Shortens plain text (not yet escaped) to at most `max` characters. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Inline code that survives backticks in the text (mrkdwn has no escape for them). */
export function code(text: string): string {
  return `\`${escapeMrkdwn(text.replace(/`/g, "'"))}\``;
}

/** Slack renders this in each reader's own time zone; the fallback is for clients that cannot. */
export function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  if (!Number.isFinite(seconds)) return escapeMrkdwn(iso);
  return `<!date^${seconds}^{date_short_pretty} {time}|${escapeMrkdwn(iso)}>`;
}
