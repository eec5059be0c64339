// `npx awscheck scan --service iam --format json` as a user runs it: the real bin, in a child process, with
// AWS_ENDPOINT_URL pointing the real SDK clients at a fake IAM/STS endpoint on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/child-process.ts';
import { FakeAwsError, FakeAwsHttp, stsHandlers, xmlFields } from '../helpers/fake-aws-http.ts';

const ACCOUNT = '444455556666';
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString().replace(/\.\d{3}Z$/, '+00:00');

function credentialReportCsv(): string {
  const header =
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
    'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
    'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
    'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
  const rows = [
    // Root: signed in 3 days ago, with an access key.
    `<root_account>,arn:aws:iam::${ACCOUNT}:root,${ago(900)},not_supported,${ago(3)},not_supported,not_supported,false,true,${ago(400)},N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    // alice: console without MFA, a 200-day-old key in use and a second active key.
    `alice,arn:aws:iam::${ACCOUNT}:user/alice,${ago(300)},true,${ago(2)},${ago(100)},N/A,false,true,${ago(200)},${ago(1)},us-east-1,s3,true,${ago(10)},N/A,N/A,N/A,false,N/A,false,N/A`,
    // carol: a programmatic user whose only key is inactive: nothing to report.
    `carol,arn:aws:iam::${ACCOUNT}:user/carol,${ago(500)},false,N/A,N/A,N/A,false,false,${ago(480)},N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  ];
  return `${[header, ...rows].join('\n')}\n`;
}

const adminDocument = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }));

const fake = new FakeAwsHttp({
  sts: stsHandlers(ACCOUNT),
  iam: {
    GenerateCredentialReport: () => xmlFields({ State: 'COMPLETE', Description: 'ready' }),
    GetCredentialReport: () =>
      xmlFields({ Content: Buffer.from(credentialReportCsv()).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: ago(0) }),
    GetAccountSummary: () =>
      `<SummaryMap>${[
        ['AccountMFAEnabled', 0],
        ['AccountAccessKeysPresent', 1],
        ['Users', 3],
      ]
        .map(([k, v]) => `<entry><key>${k}</key><value>${v}</value></entry>`)
        .join('')}</SummaryMap>`,
    GetAccountPasswordPolicy: () => {
      throw new FakeAwsError('NoSuchEntity', 'The Password Policy with domain name x cannot be found.', 404);
    },
    ListVirtualMFADevices: () => '<VirtualMFADevices/><IsTruncated>false</IsTruncated>',
    ListServerCertificates: () =>
      `<ServerCertificateMetadataList><member>${xmlFields({
        ServerCertificateName: 'legacy-www',
        ServerCertificateId: 'ASCAEXAMPLE1',
        Path: '/',
        Arn: `arn:aws:iam::${ACCOUNT}:server-certificate/legacy-www`,
        UploadDate: ago(800),
        Expiration: ago(30),
      })}</member></ServerCertificateMetadataList><IsTruncated>false</IsTruncated>`,
    GetAccountAuthorizationDetails: () =>
      [
        '<UserDetailList>',
        `<member>${xmlFields({ UserName: 'alice', UserId: 'AIDAALICE', Arn: `arn:aws:iam::${ACCOUNT}:user/alice`, Path: '/', CreateDate: ago(300) })}`,
        '<GroupList><member>admins</member></GroupList>',
        `<AttachedManagedPolicies><member>${xmlFields({ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' })}</member></AttachedManagedPolicies>`,
        '</member>',
        `<member>${xmlFields({ UserName: 'carol', UserId: 'AIDACAROL', Arn: `arn:aws:iam::${ACCOUNT}:user/carol`, Path: '/', CreateDate: ago(500) })}<GroupList><member>admins</member></GroupList></member>`,
        '</UserDetailList>',
        `<GroupDetailList><member>${xmlFields({ GroupName: 'admins', GroupId: 'AGPAADMINS', Arn: `arn:aws:iam::${ACCOUNT}:group/admins`, Path: '/', CreateDate: ago(900) })}`,
        `<AttachedManagedPolicies><member>${xmlFields({ PolicyName: 'AllPower', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/AllPower` })}</member></AttachedManagedPolicies></member></GroupDetailList>`,
        `<RoleDetailList><member>${xmlFields({ RoleName: 'support', RoleId: 'AROASUPPORT', Arn: `arn:aws:iam::${ACCOUNT}:role/support`, Path: '/', CreateDate: ago(900) })}`,
        `<AttachedManagedPolicies><member>${xmlFields({ PolicyName: 'AWSSupportAccess', PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' })}</member></AttachedManagedPolicies></member></RoleDetailList>`,
        `<Policies><member>${xmlFields({
          PolicyName: 'AllPower',
          PolicyId: 'ANPAALLPOWER',
          Arn: `arn:aws:iam::${ACCOUNT}:policy/AllPower`,
          Path: '/',
          DefaultVersionId: 'v1',
          AttachmentCount: 1,
          IsAttachable: true,
        })}<PolicyVersionList><member>${xmlFields({ VersionId: 'v1', IsDefaultVersion: true, CreateDate: ago(100) })}<Document>${adminDocument}</Document></member></PolicyVersionList></member></Policies>`,
        '<IsTruncated>false</IsTruncated>',
      ].join(''),
  },
});

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});

describe('awscheck scan --service iam against an AWS endpoint (AWS_ENDPOINT_URL)', () => {
  it('gives correct IAM results in the documented JSON format', async () => {
    const { code, stdout, stderr } = await runBuiltCli(['scan', '--service', 'iam', '--format', 'json', '--fail-on', 'critical'], { endpoint: fake.url });
    expect(stderr).not.toMatch(/secret/);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.schema).toBe('awscheck.scan/v1');
    expect(doc.accounts).toEqual([{ accountId: ACCOUNT, name: ACCOUNT }]);
    expect(doc.errors).toEqual([]);
    const results = doc.results as { checkId: string; status: string; resourceId: string; subResourceId?: string; region: string }[];
    expect(results.every((r) => r.region === 'global')).toBe(true);
    expect(results.filter((r) => r.status === 'ERROR')).toEqual([]);
    const failing = results
      .filter((r) => r.status === 'FAIL')
      .map((r) => `${r.checkId} ${r.resourceId}${r.subResourceId ? ` ${r.subResourceId}` : ''}`)
      .sort();
    expect(failing).toEqual(
      [
        `iam.root-mfa ${ACCOUNT}`,
        `iam.root-hardware-mfa ${ACCOUNT}`,
        `iam.root-access-keys ${ACCOUNT}`,
        `iam.root-recent-use ${ACCOUNT}`,
        'iam.user-console-mfa alice',
        'iam.access-key-rotation alice access_key_1',
        'iam.multiple-active-keys alice',
        `iam.password-policy ${ACCOUNT}`,
        'iam.user-attached-policies alice',
        'iam.admin-policy-attached AllPower',
        'iam.expired-certificates legacy-www',
        'iam.long-lived-keys alice',
      ].sort(),
    );
    const passing = new Set(results.filter((r) => r.status === 'PASS').map((r) => r.checkId));
    for (const id of ['iam.support-role', 'iam.unused-credentials', 'iam.initial-access-key']) expect(passing).toContain(id);
    // The credential report serves every row that names it: generated and fetched once for the scan.
    expect(fake.calls('iam', 'GetCredentialReport')).toHaveLength(1);
    expect(fake.calls('iam', 'GenerateCredentialReport')).toHaveLength(1);
  });
});
