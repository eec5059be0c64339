// Shortening text for any medium (Slack, Markdown, the terminal); escaping stays with each medium.

/** Shortens plain text (not yet escaped) to at most `max` characters. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
