// URL settings accept http and https only, never a user name or password in the URL, and the error names
// the variable without repeating the password.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configurationPart, slackConfig } from '../../src/config/configuration.ts';
import { loadConfig } from '../../src/config/load.ts';
import { httpUrlProblem, redactUrl } from '../../src/config/url.ts';
import { runAwscheck } from '../helpers/cli.ts';
import { configProblems, dirWith } from '../helpers/config.ts';

const slackEnv = { SLACK_BOT_TOKEN: 'xoxb-1-2-x', SLACK_SIGNING_SECRET: 'abc' };

describe('URL settings', () => {
  it.each([
    ['https://slack.com/api/', undefined],
    ['http://localhost:4566', undefined],
    ['javascript:alert(1)', 'not-http'],
    ['file:///etc/passwd', 'not-http'],
    ['ftp://example.com/', 'not-http'],
    ['data:text/html,<b>x</b>', 'not-http'],
    ['not a url', 'not-http'],
    ['https://user:pass@proxy.example.com/', 'credentials'],
    ['https://token@proxy.example.com/', 'credentials'],
  ])('%s → %s', (url, problem) => {
    expect(httpUrlProblem(url)).toBe(problem);
  });

  it('redacts a user name and password, and leaves other values alone', () => {
    expect(redactUrl('https://me:s3cret@proxy.example.com/api/')).toBe('https://***:***@proxy.example.com/api/');
    expect(redactUrl('https://proxy.example.com/')).toBe('https://proxy.example.com/');
    expect(redactUrl(42)).toBe(42);
  });

  it('SLACK_API_URL: a scheme other than http(s) or a password is a config error naming the variable', () => {
    expect(configProblems(() => configurationPart({ ...slackEnv, SLACK_API_URL: 'javascript:alert(1)' }, slackConfig))).toEqual([
      'SLACK_API_URL: got "javascript:alert(1)"; expected an http(s) URL such as https://slack.com/api/, or unset it.',
    ]);
    const [problem] = configProblems(() => configurationPart({ ...slackEnv, SLACK_API_URL: 'https://bot:hunter2@slack-proxy.example.com/api/' }, slackConfig));
    expect(problem).toBe(
      'SLACK_API_URL: the URL contains a user name or password; remove them (https://***:***@slack-proxy.example.com/api/). Give a proxy\'s credentials to the proxy itself, not in this URL.',
    );
  });

  it('endpointUrl in awscheck.yml: http(s) only, no credentials, the password never shown', () => {
    expect(configProblems(() => loadConfig({}, dirWith('endpointUrl: "javascript:alert(1)"\n')))).toEqual([
      expect.stringMatching(/awscheck\.yml endpointUrl: got "javascript:alert\(1\)"; expected an http\(s\) URL, e.g\. http:\/\/localhost:4566$/),
    ]);
    const problems = configProblems(() => loadConfig({}, dirWith('endpointUrl: https://me:hunter2@localstack.example.com\n')));
    expect(problems).toEqual([expect.stringMatching(/endpointUrl: got "https:\/\/\*\*\*:\*\*\*@localstack\.example\.com\/"; remove the user name and password/)]);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(loadConfig({}, dirWith('endpointUrl: http://localhost:4566\n')).settings.endpointUrl).toBe('http://localhost:4566');
  });

  it('AWS_ENDPOINT_URL and its per-service forms: http(s) only, no credentials', () => {
    const dir = dirWith('');
    expect(configProblems(() => loadConfig({ AWS_ENDPOINT_URL: 'javascript:void(0)' }, dir))).toEqual([
      'AWS_ENDPOINT_URL: got "javascript:void(0)"; expected an http(s) URL such as http://localhost:4566, or unset it.',
    ]);
    const problems = configProblems(() => loadConfig({ AWS_ENDPOINT_URL_S3: 'http://a:hunter2@minio.local:9000' }, dir));
    expect(problems).toEqual([expect.stringMatching(/^AWS_ENDPOINT_URL_S3: the URL contains a user name or password; remove them \(http:\/\/\*\*\*:\*\*\*@minio\.local:9000\/\)/)]);
    expect(loadConfig({ AWS_ENDPOINT_URL: 'http://localhost:4566' }, dir).settings).toBeDefined();
  });
});

describe('awscheck report --post', () => {
  it('refuses a SLACK_API_URL with a password (exit 2) without printing it', async () => {
    const dir = dirWith('');
    const run = await runAwscheck(['report', '--post'], {
      SLACK_BOT_TOKEN: 'xoxb-1-2-report',
      SLACK_API_URL: 'https://bot:hunter2@slack-proxy.example.com/api/',
      AWSCHECK_REPORT_CHANNEL: 'C0123456789',
      AWSCHECK_DB: join(dir, 'awscheck.db'),
    }, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SLACK_API_URL: the URL contains a user name or password');
    expect(run.stderr).not.toContain('hunter2');
  });
});

describe('HOST', () => {
  it('is the HTTP listen address when set, and absent (every interface) otherwise', () => {
    expect(configurationPart({ ...slackEnv, HOST: '127.0.0.1' }, slackConfig).host).toBe('127.0.0.1');
    expect(configurationPart({ ...slackEnv, HOST: '::1' }, slackConfig).host).toBe('::1');
    expect(configurationPart({ ...slackEnv, HOST: 'localhost' }, slackConfig).host).toBe('localhost');
    expect(configurationPart(slackEnv, slackConfig).host).toBeUndefined();
  });

  it('rejects what cannot be an address, naming the variable', () => {
    expect(configProblems(() => configurationPart({ ...slackEnv, HOST: 'http://0.0.0.0:3000' }, slackConfig))).toEqual([
      'HOST: got "http://0.0.0.0:3000"; expected the address to listen on, such as 127.0.0.1 or 0.0.0.0, or unset it to listen on every interface.',
    ]);
  });
});
