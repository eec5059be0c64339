import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../../commands/awscheck/parse.ts';
import { route, subcommandTable, SUBCOMMANDS } from '../../../commands/awscheck/router.ts';
import type { Subcommand } from '../../../commands/awscheck/types.ts';

describe('parseCommandText', () => {
  it('splits words, key=value options and the public flag', () => {
    expect(parseCommandText('  S3 iam.root-mfa account=prod,Dev  region=ap-northeast-1 PUBLIC ')).toEqual({
      words: ['s3', 'iam.root-mfa'],
      options: [
        { key: 'account', values: ['prod', 'Dev'] },
        { key: 'region', values: ['ap-northeast-1'] },
      ],
      public: true,
    });
  });

  it('treats the ideographic space as a separator and undoes Slack\'s escaping', () => {
    expect(parseCommandText('explain\u3000iam.root-mfa &lt;x&gt;').words).toEqual(['explain', 'iam.root-mfa', '<x>']);
  });

  it('gives an empty request for empty text', () => {
    expect(parseCommandText(undefined)).toEqual({ words: [], options: [], public: false });
  });
});

describe('route', () => {
  it('routes by first word and removes it', () => {
    const { subcommand, command } = route(parseCommandText('explain iam.root-mfa'));
    expect(subcommand.name).toBe('explain');
    expect(command.words).toEqual(['iam.root-mfa']);
  });

  it('treats anything else as a scan, which then judges the words', () => {
    expect(route(parseCommandText('')).subcommand.name).toBe('scan');
    expect(route(parseCommandText('s3 region=us-east-1')).command.words).toEqual(['s3']);
    expect(route(parseCommandText('nonsense')).subcommand.name).toBe('scan');
  });

  it('takes extra subcommands from other features', () => {
    const report: Subcommand = { name: 'report', help: { en: 'r', ja: 'r' }, restricted: true, run: async () => undefined };
    const table = subcommandTable([report]);
    expect(table.map((s) => s.name)).toEqual([...SUBCOMMANDS.map((s) => s.name), 'report']);
    expect(route(parseCommandText('report now'), table)).toMatchObject({ subcommand: report, command: { words: ['now'] } });
  });
});
