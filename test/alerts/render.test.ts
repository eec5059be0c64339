// The alert message: names resource, change, actor, source IP and time; escapes everything from AWS; speaks
// Japanese when configured; redraws as resolved without buttons.
import { describe, expect, it } from 'vitest';
import { renderAlert } from '../../src/alerts/render.ts';
import type { ChangeSummary } from '../../src/alerts/store.ts';
import { button } from '../../src/slack/render/blocks.ts';
import { testEvidence } from '../helpers/test-words.ts';
import { resultOf, SSH_FINDING } from '../remediation/fixtures.ts';

/** The SSH finding, its evidence carrying Slack mentions and an ampersand from AWS. */
const finding = resultOf('ec2.sg-admin-port-ipv4', { ...SSH_FINDING, evidence: testEvidence('sg-0abc (<!channel> & co) rule sgr-ssh allows tcp/22 from 0.0.0.0/0') });
const change: ChangeSummary = {
  eventId: 'e-1',
  eventName: 'AuthorizeSecurityGroupIngress',
  change: 'AuthorizeSecurityGroupIngress sg-0abc',
  actor: 'arn:aws:iam::111122223333:user/<!here>',
  sourceIp: '198.51.100.23',
  time: '2026-11-25T09:00:00Z',
};
const title = { en: 'No security group allows SSH or RDP from 0.0.0.0/0', ja: 'SSH/RDP を 0.0.0.0/0 に開放していない' };
const all = (blocks: unknown) => JSON.stringify(blocks);

describe('the alert message', () => {
  it('says what changed, where, who and when, with Explain and the remediation buttons, escaped', () => {
    const { text, blocks } = renderAlert({ finding, change, title, locale: 'en', status: { kind: 'open' }, extraButtons: [button('Fix…', 'awscheck_fix', 'snap')] });
    expect(text).toBe('awscheck alert: ec2.sg-admin-port-ipv4 sg-0abc');
    const shown = all(blocks);
    expect(shown).toContain('`sg-0abc / sgr-ssh`');
    expect(shown).toContain('`AuthorizeSecurityGroupIngress sg-0abc`');
    expect(shown).toContain('`198.51.100.23`');
    expect(shown).toContain('<!date^1795597200^');
    expect(shown).toContain('&lt;!channel&gt; &amp; co');
    expect(shown).toContain('user/&lt;!here&gt;');
    expect(shown).not.toContain('<!channel>');
    expect(shown).not.toContain('<!here>');
    expect(shown).toContain('"action_id":"awscheck_explain","value":"ec2.sg-admin-port-ipv4"');
    expect(shown).toContain('"action_id":"awscheck_fix","value":"snap"');
  });

  it('speaks Japanese, and redraws as resolved without buttons', () => {
    const ja = all(renderAlert({ finding, change, title, locale: 'ja', status: { kind: 'open' } }).blocks);
    expect(ja).toContain('危険な変更を検知');
    expect(ja).toContain('実行者');
    const resolved = renderAlert({ finding, change, title, locale: 'en', status: { kind: 'resolved', at: '2026-11-25T10:00:00Z', by: 'event' } });
    expect(resolved.text).toBe('awscheck alert resolved: ec2.sg-admin-port-ipv4 sg-0abc');
    expect(all(resolved.blocks)).toContain('*Resolved*');
    expect(all(resolved.blocks)).not.toContain('"type":"actions"');
  });
});
