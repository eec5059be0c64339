import { describe, expect, it } from 'vitest';
import { configurationPart, slackConfig } from '../../../src/config/configuration.ts';
import { configProblems } from '../../helpers/config.ts';

const BOT = 'xoxb-1111-2222-secretpart';
const APP = 'xapp-1-A111-2222-secretpart';

const problemsOf = (env: Record<string, string>) => configProblems(() => configurationPart(env, slackConfig));

describe('loadSlackConfig', () => {
  it('uses Socket Mode when SLACK_APP_TOKEN is set', () => {
    const config = configurationPart({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }, slackConfig);
    expect(config).toEqual({ botToken: BOT, appToken: APP, port: 3000, scanners: [], mode: 'socket' });
  });

  it('uses HTTP mode otherwise, with PORT, SLACK_API_URL and the scanner allowlist', () => {
    const config = configurationPart({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: 'abc123',
      PORT: '8080',
      SLACK_API_URL: 'https://slack-gov.com/api',
      AWSCHECK_SCANNERS: 'U012AB, W0XYZ S0SECOPS,U012AB',
    }, slackConfig);
    expect(config).toEqual({
      botToken: BOT,
      signingSecret: 'abc123',
      port: 8080,
      apiUrl: 'https://slack-gov.com/api/',
      scanners: ['U012AB', 'W0XYZ', 'S0SECOPS'],
      mode: 'http',
    });
  });

  it('names every problem at once, with how to fix it', () => {
    const problems = problemsOf({ PORT: '70000', SLACK_API_URL: 'ftp://x', AWSCHECK_SCANNERS: 'alice,U0OK' });
    expect(problems).toHaveLength(5);
    // Each variable's own problem first, then the rules that combine variables.
    expect(problems[0]).toMatch(/^SLACK_API_URL: got "ftp:\/\/x"/);
    expect(problems[1]).toMatch(/^PORT: got "70000"/);
    expect(problems[2]).toMatch(/^AWSCHECK_SCANNERS: got "alice"; expected Slack member ids/);
    expect(problems[3]).toMatch(/^SLACK_BOT_TOKEN: not set\. Copy the Bot User OAuth Token/);
    expect(problems[4]).toMatch(/^SLACK_SIGNING_SECRET: not set.*Signing Secret.*SLACK_APP_TOKEN/);
  });

  it('never echoes a token, even a malformed one', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: APP, SLACK_APP_TOKEN: 'xoxb-wrong-place-secret', SLACK_SIGNING_SECRET: 'has space' });
    const text = problems.join('\n');
    expect(text).toContain('SLACK_BOT_TOKEN: got (hidden)');
    expect(text).toContain('belongs in SLACK_APP_TOKEN');
    expect(text).toContain('SLACK_APP_TOKEN: got (hidden)');
    expect(text).toContain('SLACK_SIGNING_SECRET: got (hidden)');
    expect(text).not.toMatch(/secretpart|wrong-place|has space/);
  });

  it('does not need a signing secret in Socket Mode', () => {
    expect(configurationPart({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }, slackConfig).signingSecret).toBeUndefined();
  });
});
