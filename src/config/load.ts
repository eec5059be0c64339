// Loads the scan settings: awscheck.yml (or AWSCHECK_CONFIG) first, AWSCHECK_* variables over it.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ConfigError, showValue } from './errors.ts';
import { type Settings, settingsSchema } from './schema.ts';
import { splitList } from './list.ts';
import { awsEndpointProblems, redactUrl } from './url.ts';

export const DEFAULT_CONFIG_FILE = 'awscheck.yml';

export interface LoadedConfig {
  settings: Settings;
  /** The file the settings came from, if any. */
  file?: string;
}

/** The variables this loader reads: the scan settings' AWSCHECK_* variables and the SDK's AWS_ENDPOINT_URL*. */
type Env = { readonly [name: string]: unknown };

/** A variable's text, if it is set (the environment schema has trimmed it and rejected an empty one). */
function text(env: Env, name: string): string | undefined {
  const value = env[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads the optional YAML file: AWSCHECK_CONFIG must exist if set; ./awscheck.yml is used when present. */
function readConfigFile(env: Env, cwd: string): { file?: string; data: Record<string, unknown> } {
  const explicit = text(env, 'AWSCHECK_CONFIG');
  const file = resolve(cwd, explicit ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicit) {
      throw new ConfigError([
        `AWSCHECK_CONFIG: got ${showValue(explicit)}; no such file. Set it to the path of your awscheck.yml, or unset it.`,
      ]);
    }
    return { data: {} };
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    const where = err instanceof YAMLParseError ? ` at line ${err.linePos?.[0].line ?? '?'}` : '';
    throw new ConfigError([`${file}: not valid YAML${where}: ${(err as Error).message.split('\n')[0] ?? ''}`]);
  }
  if (parsed === null || parsed === undefined) return { file, data: {} };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError([`${file}: expected a mapping of settings (accounts, regions, thresholds, ...)`]);
  }
  return { file, data: parsed as Record<string, unknown> };
}

/** The AWSCHECK_* variables that override file settings, as raw values for the schema to judge. */
function envOverrides(env: Env): { data: Record<string, unknown>; sources: Map<string, string> } {
  const data: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  const set = (key: string, variable: string, value: unknown) => {
    data[key] = value;
    sources.set(key, variable);
  };
  if (text(env, 'AWSCHECK_REGIONS') !== undefined) {
    const raw = text(env, 'AWSCHECK_REGIONS')!.trim();
    set('regions', 'AWSCHECK_REGIONS', raw === 'all' ? 'all' : splitList(raw));
  }
  if (text(env, 'AWSCHECK_LOCALE') !== undefined) set('locale', 'AWSCHECK_LOCALE', text(env, 'AWSCHECK_LOCALE')!.trim());
  if (text(env, 'AWSCHECK_CONCURRENCY') !== undefined) {
    const raw = text(env, 'AWSCHECK_CONCURRENCY')!.trim();
    set('concurrency', 'AWSCHECK_CONCURRENCY', /^\d+$/.test(raw) ? Number(raw) : raw);
  }
  if (text(env, 'AWSCHECK_HOME_REGION') !== undefined) set('homeRegion', 'AWSCHECK_HOME_REGION', text(env, 'AWSCHECK_HOME_REGION')!.trim());
  return { data, sources };
}

/** AWSCHECK_ORG_ROLE_NAME: the simple case of `organization:`, or its roleName over the file's. */
function orgRoleOverride(env: Env, fileData: Record<string, unknown>, envData: Record<string, unknown>, sources: Map<string, string>): void {
  if (env.AWSCHECK_ORG_ROLE_NAME === undefined) return;
  const fromFile = fileData.organization;
  const base = fromFile !== null && typeof fromFile === 'object' && !Array.isArray(fromFile) ? fromFile : {};
  envData.organization = { ...base, roleName: text(env, 'AWSCHECK_ORG_ROLE_NAME')!.trim() };
  sources.set('organization', 'AWSCHECK_ORG_ROLE_NAME');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function describeIssues(issues: readonly z.core.$ZodIssue[], data: unknown, origin: (path: string) => string): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const prefix = path ? `${path}.` : '';
      return `${origin(path)}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .map((k) => `"${prefix}${k}"`)
        .join(', ')}; check the spelling (see README, Configuration)`;
    }
    return `${origin(path)}${path ? ` ${path}` : ''}: got ${showValue(redactUrl(valueAt(data, issue.path)))}; ${issue.message}`;
  });
}

export function loadConfig(env: Env, cwd: string = process.cwd()): LoadedConfig {
  const { file, data: fileData } = readConfigFile(env, cwd);
  const { data: envData, sources } = envOverrides(env);
  orgRoleOverride(env, fileData, envData, sources);
  const merged = { ...fileData, ...envData };
  const result = settingsSchema.safeParse(merged);
  const endpointProblems = awsEndpointProblems(Object.fromEntries(Object.keys(env).map((name) => [name, text(env, name)])));
  if (!result.success || endpointProblems.length > 0) {
    const origin = (path: string) => {
      const variable = sources.get(path.split('.')[0] ?? '');
      return variable ?? (file ?? DEFAULT_CONFIG_FILE);
    };
    throw new ConfigError([...(result.success ? [] : describeIssues(result.error.issues, merged, origin)), ...endpointProblems]);
  }
  return file ? { settings: result.data, file } : { settings: result.data };
}
