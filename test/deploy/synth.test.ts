// `npx cdk synth` from deploy/, as CI runs it: offline (no credentials, no version check, no notices, no
// telemetry, a proxy that goes nowhere), one run for the whole app.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOnlyPolicy } from '../../src/policy/read-only.ts';
import { ALL_CHECKS } from '../../checks/index.ts';
import type { Cfn } from './template.ts';

const DEPLOY_DIR = new URL('../../deploy/', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'awscheck-cdk-out-'));

function offlineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^AWS_|^CDK_/.test(key)) delete env[key];
  return {
    ...env,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '',
  };
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: DEPLOY_DIR, env: offlineEnv() });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => done({ code, output }));
  });
}

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npx cdk synth', () => {
  it('produces the bot stack, the member StackSets and the standalone member templates, offline', { timeout: 300_000 }, async () => {
    const { code, output } = await run('npx', ['cdk', 'synth', '--quiet', '--output', out]);
    expect(code, output).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const stacks = Object.entries(manifest.artifacts as Record<string, { type: string }>)
      .filter(([, a]) => a.type === 'aws:cloudformation:stack')
      .map(([name]) => name)
      .sort();
    expect(stacks).toEqual(['AwscheckBot', 'AwscheckMemberEvents', 'AwscheckMemberRoles', 'AwscheckMemberStackSets']);

    const template = (name: string) => JSON.parse(readFileSync(join(out, `${name}.template.json`), 'utf8'));
    const sets = Object.values(template('AwscheckMemberStackSets').Resources as Cfn).filter((r) => r.Type === 'AWS::CloudFormation::StackSet');
    expect(sets.map((s) => s.Properties.StackSetName).sort()).toEqual(['awscheck-member-events', 'awscheck-member-roles']);
    // The read role in the StackSet is the one `awscheck policy` prints.
    const body = JSON.parse(sets.find((s) => s.Properties.StackSetName === 'awscheck-member-roles').Properties.TemplateBody);
    const read = Object.values(body.Resources as Cfn).find((r) => r.Properties.RoleName === 'awscheck-read');
    expect(read.Properties.Policies[0].PolicyDocument).toEqual(readOnlyPolicy(ALL_CHECKS, { organization: false }));
    expect(template('AwscheckBot').Resources).toBeDefined();

    // The bot's image is built from the repository's Dockerfile, with the repository as its context.
    const assets = JSON.parse(readFileSync(join(out, 'AwscheckBot.assets.json'), 'utf8'));
    const images = Object.values(assets.dockerImages as Record<string, { source: { directory: string; platform?: string } }>);
    expect(images).toHaveLength(1);
    const staged = join(out, images[0]!.source.directory);
    expect(readFileSync(join(staged, 'Dockerfile'), 'utf8')).toBe(readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8'));
    expect(images[0]!.source.platform).toBe('linux/amd64');
    // .dockerignore kept local state out of the staged context.
    expect(() => readFileSync(join(staged, 'node_modules', '.package-lock.json'))).toThrow();
  });
});
