// Names and tags are chosen by whoever can write to the AWS account, reasons by whoever can type in Slack.
// Through the real renderers, none of them can start a line of its own, format itself, or turn text around.
import { describe, expect, it } from 'vitest';
import { userConsoleMfa } from '../../../checks/iam/user-console-mfa/check.ts';
import { renderFixRequest } from '../../../src/slack/render/approval-request.ts';
import { renderResults } from '../../../src/slack/render/results.ts';
import { code, escapeMrkdwn, escapeWithCode } from '../../../src/slack/mrkdwn.ts';
import { consoleUser, report as credentialReport } from '../../checks/iam/fixtures.ts';
import { evaluate } from '../../helpers/evaluate.ts';
import { fixRequest } from '../../remediation/fixtures.ts';
import { fakeCheck, report } from '../fixtures.ts';

const FAKE_LINE = ':white_check_mark: *Applied*';
const HOSTILE = [
  `web\n${FAKE_LINE}`,
  `web\r\n${FAKE_LINE}`,
  `web\u2028${FAKE_LINE}`,
  `web\u2029${FAKE_LINE}`,
  `web\u0085${FAKE_LINE}`,
  `web\u202e${FAKE_LINE}`,
  `\u2066_approved_\u2069 ~nothing~ \`done\` \u200f`,
];
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Every mrkdwn text in the blocks, as Slack would get it. */
function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const own = o.type === 'mrkdwn' && typeof o.text === 'string' ? [o.text] : [];
    return [...own, ...Object.values(o).flatMap(mrkdwnTexts)];
  }
  return [];
}

/** Text outside inline code, where mrkdwn formatting applies (inside code nothing formats). */
const outsideCode = (text: string): string => text.replace(/`[^`\n]*`/g, ' ');

/** No line starts with the fake status, nothing bold/italic/struck/code comes from the value, no bidi control survives. */
function expectNeutral(texts: string[]): void {
  const all = texts.join('\n');
  expect(all).not.toMatch(BIDI);
  for (const line of all.split('\n')) expect(line).not.toMatch(/^\W*:white_check_mark:\s*\S?Applied/);
  const formatted = outsideCode(all);
  expect(formatted).not.toContain('*Applied*');
  expect(formatted).not.toContain('_approved_');
  expect(formatted).not.toContain('~nothing~');
  expect(formatted).not.toContain('`done`');
}

describe('hostile values through the real renderers', () => {
  it.each(HOSTILE)('scan results: an IAM user named %j stays on its own finding line', (name) => {
    const results = evaluate(userConsoleMfa, [credentialReport([consoleUser(name, { mfaActive: false })])]);
    expect(results[0]?.status).toBe('FAIL');
    const out = renderResults(report(results), { locale: 'en', catalogue: [fakeCheck({ items: () => [] })] });
    const texts = mrkdwnTexts(out.blocks);
    expect(texts.some((t) => t.includes('can sign in to the console with a password and has no MFA'))).toBe(true);
    expectNeutral(texts);
  });

  it.each(HOSTILE)('approval request: %j as the resource, a tag in the evidence, the plan and the note', (value) => {
    const request = fixRequest({
      note: value,
      preview: { lines: [`Revoke rule sgr-1 of ${value}`, `Then run \`aws ec2 describe-security-groups --group-ids ${value}\``], warnings: [value], current: {} },
    });
    request.finding = { ...request.finding, resourceId: value, evidence: `Security group ${value} allows 0.0.0.0/0 on 22` };
    const out = renderFixRequest(request, { locale: 'ja', fixTitle: 'Close the rule', approvers: ['U0BOB'], allowSelfApproval: false });
    expectNeutral(mrkdwnTexts(out.blocks));
    expect(out.text).not.toMatch(BIDI);
  });

  it('keeps names copyable: markers inside words stay, those that could open formatting become look-alikes', () => {
    expect(escapeMrkdwn('my_role_name s3:* arn:aws:s3:::bucket/* allows * on *')).toBe('my_role_name s3:* arn:aws:s3:::bucket/* allows * on *');
    expect(escapeMrkdwn('*bold* _it_ ~gone~ `code`')).toBe('\u2217bold* \uff3fit_ \u223cgone~ \u02cbcode`');
    expect(escapeMrkdwn('a\tb\nc\r\nd\u2028e')).toBe('a b c d e');
    expect(code('x\ny`z')).toBe("`x y'z`");
    expect(escapeWithCode('Run `aws ssm start-session --target i-1` on *web*\n:x:')).toBe('Run `aws ssm start-session --target i-1` on \u2217web* :x:');
    expect(escapeWithCode('one ` only')).toBe("one ' only");
  });
});
