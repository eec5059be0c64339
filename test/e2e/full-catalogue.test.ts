// The whole catalogue end to end against a small account with one planted misconfiguration per check.
// - scan() with ALL_CHECKS and the in-process fake AWS behind real SDK clients (middleware stack, limiter,
//   retry and paginators all run);
// - the CLI (`awscheck scan --format json`), which builds its own sessions, with the same world behind
//   aws-sdk-client-mock;
// - `awscheck checks` against CHECKS.md's ids, severities and CIS / Security Hub references.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { scan } from '../../src/engine/scan.ts';
import type { CheckResult, ScanReport } from '../../src/engine/types.ts';
import { SEVERITY_LABEL } from '../../src/render/messages.ts';
import { installFakeAws } from '../fake-aws/install.ts';
import { type MockedFakeAws, mockFakeAws } from '../fake-aws/mock.ts';
import { runAwscheck } from '../helpers/cli.ts';
import { CHECKS_MD, FIXTURE, loadCatalogue, parseCatalogue } from './catalogue.ts';
import { ACCOUNT, ACCOUNT_LEVEL, BAD_REGION, type Expected, GOOD_REGION, PLANTED, plantedWorld } from './planted-world.ts';

const NOW = new Date('2026-11-25T09:00:00Z');
const catalogue = loadCatalogue();

function at(results: readonly CheckResult[], checkId: string, e: Expected): CheckResult[] {
  return results.filter(
    (r) =>
      r.checkId === checkId &&
      r.region === e.region &&
      r.resourceId === e.resourceId &&
      (e.subResourceId === undefined || r.subResourceId === e.subResourceId),
  );
}

const where = (checkId: string, e: Expected) => `${checkId} ${e.region} ${e.resourceId}${e.subResourceId ? ` ${e.subResourceId}` : ''}`;

/** The planted resource FAILs (at least one finding on it, naming its account). */
function expectFail(results: readonly CheckResult[], checkId: string, e: Expected): void {
  const found = at(results, checkId, e);
  expect(found.map((r) => r.status), where(checkId, e)).toContain('FAIL');
  for (const r of found.filter((f) => f.status === 'FAIL')) {
    expect(r.accountId).toBe(ACCOUNT);
    expect(r.evidence.length, where(checkId, e)).toBeGreaterThan(0);
  }
}

/** The compliant counterpart has results, and every one of them PASSes. */
function expectPass(results: readonly CheckResult[], checkId: string, e: Expected): void {
  const found = at(results, checkId, e);
  expect(found.length, where(checkId, e)).toBeGreaterThan(0);
  expect(found.map((r) => `${r.status}: ${r.evidence}`), where(checkId, e)).toEqual(found.map((r) => `PASS: ${r.evidence}`));
}

function expectCleanRun(report: ScanReport): void {
  expect(report.errors).toEqual([]);
  expect(report.results.filter((r) => r.status === 'ERROR')).toEqual([]);
  expect(report.accounts).toEqual([{ accountId: ACCOUNT, name: ACCOUNT }]);
  // The region that is not opted in is left out; the two enabled ones are scanned.
  expect(report.regions).toEqual([GOOD_REGION, BAD_REGION]);
  // Terminated instances never show up.
  expect(report.results.filter((r) => r.resourceId === 'i-terminated')).toEqual([]);
}

function expectPlanted(results: readonly CheckResult[]): void {
  for (const [checkId, { fail, pass }] of Object.entries(PLANTED)) {
    for (const e of fail) expectFail(results, checkId, e);
    for (const e of pass) expectPass(results, checkId, e);
  }
}

describe('the planted world', () => {
  it('plants a finding for every check of the catalogue', () => {
    const planted = new Set([...Object.keys(PLANTED), ...Object.keys(ACCOUNT_LEVEL)]);
    expect([...planted].sort()).toEqual(catalogue.rows.map((r) => r.id).sort());
  });
});

describe('scan() over the whole catalogue, fake AWS behind the real SDK clients', () => {
  // S3 Control prefixes the account id to the endpoint's host, and `123456789012.127.0.0.1` is not a valid
  // URL host (it ends like an IPv4 address): a name keeps the suite's no-network endpoint usable here.
  const endpoint = process.env.AWS_ENDPOINT_URL;
  beforeAll(() => {
    process.env.AWS_ENDPOINT_URL = 'http://localhost:9';
  });
  afterAll(() => {
    process.env.AWS_ENDPOINT_URL = endpoint;
  });

  const run = async (variant: 'bad' | 'good') => {
    const fake = installFakeAws(plantedWorld(NOW, variant));
    const report = await scan({}, { settings: defaultSettings(), checks: ALL_CHECKS, clock: { now: () => NOW }, env: {}, instrument: fake });
    return { report, fake };
  };

  it('runs every check, fails each planted misconfiguration on its resource, passes the compliant ones, no ERROR', async () => {
    const { report, fake } = await run('bad');
    expectCleanRun(report);
    const ran = new Set(report.results.map((r) => r.checkId));
    expect(catalogue.rows.map((r) => r.id).filter((id) => !ran.has(id))).toEqual([]);
    expectPlanted(report.results);
    for (const [checkId, expected] of Object.entries(ACCOUNT_LEVEL)) for (const e of expected) expectFail(report.results, checkId, e);
    // Every result carries the check's severity from the catalogue.
    const severity = new Map(catalogue.rows.map((r) => [r.id, r.severity]));
    expect(report.results.filter((r) => severity.get(r.checkId) !== r.severity)).toEqual([]);
    // The credential report was generated, polled until COMPLETE and read once; no per-user IAM calls.
    expect(fake.calls().get('IAM:GenerateCredentialReport')).toBe(2);
    expect(fake.calls().get('IAM:GetCredentialReport')).toBe(1);
    expect([...fake.calls().keys()].filter((k) => /^IAM:(ListAccessKeys|GetLoginProfile|ListMFADevices|GetUser)$/.test(k))).toEqual([]);
  });

  it('passes every account-level check once the account is hardened, the per-resource results unchanged', async () => {
    const { report } = await run('good');
    expectCleanRun(report);
    expectPlanted(report.results);
    for (const [checkId, expected] of Object.entries(ACCOUNT_LEVEL)) for (const e of expected) expectPass(report.results, checkId, e);
  });
});

describe('awscheck scan --format json (the CLI builds its own sessions; the world answers through aws-sdk-client-mock)', () => {
  let mocked: MockedFakeAws;
  beforeAll(() => {
    // The CLI reads the system clock, so the world is planted relative to it.
    mocked = mockFakeAws(plantedWorld(new Date(), 'bad'));
  });
  afterAll(() => mocked.restore());

  it('prints the awscheck.scan/v1 document with the planted findings, every check run and no ERROR', async () => {
    const run = await runAwscheck(['scan', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ScanReport;
    expect(report.schema).toBe('awscheck.scan/v1');
    expectCleanRun(report);
    const ran = new Set(report.results.map((r) => r.checkId));
    expect(catalogue.rows.map((r) => r.id).filter((id) => !ran.has(id))).toEqual([]);
    expectPlanted(report.results);
    for (const [checkId, expected] of Object.entries(ACCOUNT_LEVEL)) for (const e of expected) expectFail(report.results, checkId, e);
    expect(mocked.calls().get('STS:GetCallerIdentity')).toBe(1);
  });
});

describe('awscheck checks', () => {
  it(`lists exactly the catalogue's ids, severities, CIS and Security Hub references, in its order (${catalogue.source.endsWith('CHECKS.md') ? 'CHECKS.md' : 'fixture'})`, async () => {
    const run = await runAwscheck(['checks', '--format', 'json']);
    expect(run.code).toBe(0);
    const listed = (JSON.parse(run.stdout) as { id: string; severity: string; cis: string[]; securityHub: string[] }[]).map(
      ({ id, severity, cis, securityHub }) => ({ id, severity, cis, securityHub }),
    );
    expect(listed).toEqual(catalogue.rows);
  });

  it('prints the same in its table: id, severity, CIS, Security Hub per line', async () => {
    const run = await runAwscheck(['checks']);
    expect(run.code).toBe(0);
    const [header, ...lines] = run.stdout.trimEnd().split('\n');
    expect(header?.split('\t').slice(0, 4)).toEqual(['ID', 'SEVERITY', 'CIS', 'SECURITY HUB']);
    expect(lines.map((line) => line.split('\t').slice(0, 4))).toEqual(
      catalogue.rows.map((r) => [
        r.id,
        SEVERITY_LABEL[r.severity as keyof typeof SEVERITY_LABEL].en,
        r.cis.join(', ') || '-',
        r.securityHub.join(', ') || '-',
      ]),
    );
  });

  it.runIf(existsSync(CHECKS_MD))('keeps the fixture copy of the catalogue in step with CHECKS.md', () => {
    expect(parseCatalogue(readFileSync(FIXTURE, 'utf8'))).toEqual(parseCatalogue(readFileSync(CHECKS_MD, 'utf8')));
  });
});
