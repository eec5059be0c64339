// The layering rules in eslint.config.js, proven to fire: each snippet is linted as if it sat at the given
// path, so a rule whose glob or pattern stops matching fails here instead of silently letting code through.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The snippets are not on disk, so the type-aware rules (which need the TypeScript program) are off here.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

/** The rule ids reported for `code` placed at `path` (relative to the repository root). */
async function rulesAt(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  const messages = result?.messages ?? [];
  // A parse error would make every expectation below pass or fail for the wrong reason.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.map((m) => m.ruleId ?? '');
}

const cases: { rule: string; path: string; code: string; fires: boolean }[] = [
  // Checks never import the AWS SDK; their fixes do.
  { rule: 'no-restricted-imports', path: 'checks/s3/some-check/check.ts', code: "import { S3Client } from '@aws-sdk/client-s3';\nexport const c = S3Client;\n", fires: true },
  { rule: 'no-restricted-imports', path: 'checks/ec2/lib/ports.ts', code: "import type { HttpRequest } from '@smithy/protocol-http';\nexport type R = HttpRequest;\n", fires: true },
  { rule: 'no-restricted-imports', path: 'checks/s3/some-check/fix.ts', code: "import { S3Client } from '@aws-sdk/client-s3';\nexport const c = S3Client;\n", fires: false },
  { rule: 'no-restricted-imports', path: 'checks/s3/fixes/shared-fix.ts', code: "import { S3Client } from '@aws-sdk/client-s3';\nexport const c = S3Client;\n", fires: false },
  // The report and the engine never import Slack, by package or by path.
  { rule: 'no-restricted-imports', path: 'src/report/model.ts', code: "import type { webApi } from '@slack/bolt';\nexport type C = webApi.WebClient;\n", fires: true },
  { rule: 'no-restricted-imports', path: 'src/report/service.ts', code: "import { escapeMrkdwn } from '../slack/mrkdwn.ts';\nexport const e = escapeMrkdwn;\n", fires: true },
  { rule: 'no-restricted-imports', path: 'src/engine/scan.ts', code: "import { x } from '../slack/delivery/report/poster.ts';\nexport const e = x;\n", fires: true },
  { rule: 'no-restricted-imports', path: 'src/report/service.ts', code: "import { daysBefore } from '../time/units.ts';\nexport const r = daysBefore;\n", fires: false },
  // Slack talks to services, not to AWS.
  { rule: 'no-restricted-imports', path: 'src/slack/listeners/actions/fix.ts', code: "import { EC2Client } from '@aws-sdk/client-ec2';\nexport const c = EC2Client;\n", fires: true },
  { rule: 'no-restricted-imports', path: 'src/slack/delivery/report/poster.ts', code: "import { openSession } from '../../../aws/session.ts';\nexport const s = openSession;\n", fires: true },
  { rule: 'no-restricted-imports', path: 'src/slack/access/approvers.ts', code: "import { collect } from '../../collectors/s3/buckets.ts';\nexport const c = collect;\n", fires: true },
  { rule: 'no-restricted-imports', path: 'src/slack/listeners/index.ts', code: "import { registerCommands } from '../../../commands/index.ts';\nexport const r = registerCommands;\n", fires: true },
  { rule: 'no-restricted-imports', path: 'src/slack/deps.ts', code: "import { ScanService } from '../app/scan-service.ts';\nexport const s = ScanService;\n", fires: true },
  { rule: 'no-restricted-imports', path: 'src/slack/delivery/report/poster.ts', code: "import { fill } from '../../../report/messages.ts';\nexport const f = fill;\n", fires: false },
  // Only the config loader reads the environment.
  { rule: 'no-restricted-properties', path: 'src/aws/session.ts', code: 'export const region = process.env.AWS_REGION;\n', fires: true },
  { rule: 'no-restricted-syntax', path: 'src/slack/config.ts', code: "import { env } from 'node:process';\nexport const t = env.SLACK_BOT_TOKEN;\n", fires: true },
  { rule: 'no-restricted-properties', path: 'src/config/environment.ts', code: 'export const all = process.env;\n', fires: false },
];

describe('layering lint rules', () => {
  it.each(cases)('$rule at $path: fires=$fires', async ({ rule, path, code, fires }) => {
    const rules = await rulesAt(path, code);
    if (fires) expect(rules).toContain(rule);
    else expect(rules).not.toContain(rule);
  });
});
