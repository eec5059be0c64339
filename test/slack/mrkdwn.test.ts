import { describe, expect, it } from 'vitest';
import { clipMrkdwn, code, escapeMrkdwn, slackDate } from '../../src/slack/mrkdwn.ts';

describe('mrkdwn', () => {
  it('escapes the three control characters, & first', () => {
    expect(escapeMrkdwn('<!channel> <https://evil.example|click> & &lt;')).toBe(
      '&lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; &amp;lt;',
    );
  });

  it('clips without leaving half an entity', () => {
    expect(clipMrkdwn('abc &amp; def', 7)).toBe('abc …');
    expect(clipMrkdwn('short', 10)).toBe('short');
  });

  it('keeps backticks from breaking inline code', () => {
    expect(code('a`b<c>')).toBe("`a'b&lt;c&gt;`");
  });

  it('formats dates for each reader, with an escaped fallback', () => {
    expect(slackDate('2026-11-25T00:00:00.000Z')).toBe('<!date^1795564800^{date_short_pretty} {time}|2026-11-25T00:00:00.000Z>');
    expect(slackDate('<bad>')).toBe('&lt;bad&gt;');
  });
});
