// What the configuration tests share: a folder holding an awscheck.yml, the problems a ConfigError lists
// (configuration reports every problem at once, so tests read the list, not the message), and variable lists.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ConfigError } from '../../src/config/errors.ts';

/** A fresh folder with `yaml` as its awscheck.yml, or with no file at all. */
export function dirWith(yaml?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'awscheck-config-'));
  if (yaml !== undefined) writeFileSync(join(dir, 'awscheck.yml'), yaml);
  return dir;
}

/** The problems of the ConfigError `load` throws; anything else (or nothing) fails the test. */
export function configProblems(load: () => unknown): string[] {
  try {
    load();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).problems];
  }
  throw new Error('expected a ConfigError');
}

/** The remediation variables, in the order the loader reads them and so reports their problems. */
export const REMEDIATION_VARIABLES = [
  'AWSCHECK_REMEDIATION',
  'AWSCHECK_APPROVERS',
  'AWSCHECK_ALLOW_SELF_APPROVAL',
  'AWSCHECK_APPROVAL_CHANNEL',
  'AWSCHECK_APPROVAL_TTL',
  'AWSCHECK_RISK_SELF_ACCEPT',
  'AWSCHECK_REMEDIATION_ROLE_ARN',
];
