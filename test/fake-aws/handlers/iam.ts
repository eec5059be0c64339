// IAM and STS: account summary, credential report, authorization details, MFA devices, certificates.
import type {
  GenerateCredentialReportCommandOutput,
  GetAccountAuthorizationDetailsCommandInput,
  GetAccountAuthorizationDetailsCommandOutput,
  GetAccountPasswordPolicyCommandOutput,
  GetAccountSummaryCommandOutput,
  GetCredentialReportCommandOutput,
  GroupDetail,
  ListServerCertificatesCommandInput,
  ListServerCertificatesCommandOutput,
  ListVirtualMFADevicesCommandInput,
  ListVirtualMFADevicesCommandOutput,
  ManagedPolicyDetail,
  PolicyDetail,
  RoleDetail,
  UserDetail,
} from '@aws-sdk/client-iam';
import type { GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts';
import { credentialReportCsv } from '../credential-report.ts';
import { FakeAwsError } from '../errors.ts';
import { markerPage } from '../pages.ts';
import { arns, attachmentCounts, type InlinePolicy, type PolicyDoc, type World } from '../world.ts';
import { type Handler, op } from './types.ts';

const encode = (document: PolicyDoc): string => encodeURIComponent(JSON.stringify(document));
const inline = (policies: InlinePolicy[]): PolicyDetail[] => policies.map((p) => ({ PolicyName: p.name, PolicyDocument: encode(p.document) }));

function attached(policyArns: string[]) {
  return policyArns.map((arn) => ({ PolicyArn: arn, PolicyName: arn.slice(arn.lastIndexOf('/') + 1) }));
}

type DetailItem =
  | { kind: 'User'; detail: UserDetail }
  | { kind: 'Group'; detail: GroupDetail }
  | { kind: 'Role'; detail: RoleDetail }
  | { kind: 'LocalManagedPolicy'; detail: ManagedPolicyDetail };

/** Every entity GetAccountAuthorizationDetails can return, in AWS's order; MaxItems counts across all kinds. */
function authorizationItems(world: World, filter: readonly string[] | undefined): DetailItem[] {
  const { accountId, iam } = world;
  const wanted = (kind: string) => !filter?.length || filter.includes(kind);
  const items: DetailItem[] = [];
  if (wanted('User')) {
    for (const u of iam.users) {
      items.push({
        kind: 'User',
        detail: {
          UserName: u.name,
          UserId: `AIDA${u.name.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(16, 'X').slice(0, 16)}`,
          Arn: arns.user(accountId, u.name),
          Path: '/',
          CreateDate: u.createdAt,
          GroupList: u.groups,
          AttachedManagedPolicies: attached(u.attachedPolicyArns),
          UserPolicyList: inline(u.inlinePolicies),
        },
      });
    }
  }
  if (wanted('Group')) {
    for (const g of iam.groups) {
      items.push({
        kind: 'Group',
        detail: {
          GroupName: g.name,
          Arn: arns.group(accountId, g.name),
          Path: '/',
          AttachedManagedPolicies: attached(g.attachedPolicyArns),
          GroupPolicyList: inline(g.inlinePolicies),
        },
      });
    }
  }
  if (wanted('Role')) {
    for (const r of iam.roles) {
      items.push({
        kind: 'Role',
        detail: {
          RoleName: r.name,
          Arn: arns.role(accountId, r.name),
          Path: '/',
          AttachedManagedPolicies: attached(r.attachedPolicyArns),
          RolePolicyList: inline(r.inlinePolicies),
          InstanceProfileList: r.instanceProfiles.map((name) => ({
            InstanceProfileName: name,
            InstanceProfileId: `AIPA${name.toUpperCase().slice(0, 16)}`,
            Arn: arns.instanceProfile(accountId, name),
            Path: '/',
            CreateDate: new Date(0),
            Roles: [],
          })),
        },
      });
    }
  }
  if (wanted('LocalManagedPolicy')) {
    const counts = attachmentCounts(iam);
    for (const p of iam.policies) {
      const arn = arns.policy(accountId, p.name);
      items.push({
        kind: 'LocalManagedPolicy',
        detail: {
          PolicyName: p.name,
          Arn: arn,
          Path: '/',
          DefaultVersionId: 'v1',
          AttachmentCount: counts.get(arn) ?? 0,
          IsAttachable: true,
          PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: encode(p.document) }],
        },
      });
    }
  }
  return items;
}

export const iamHandlers: Record<string, Handler> = {
  GetAccountSummary: op<object, GetAccountSummaryCommandOutput>((_, { world }) => {
    const { iam } = world;
    return {
      SummaryMap: {
        AccountMFAEnabled: iam.root.mfa ? 1 : 0,
        AccountAccessKeysPresent: iam.root.keys.some((k) => k.active) ? 1 : 0,
        AccountSigningCertificatesPresent: 0,
        Users: iam.users.length,
        Groups: iam.groups.length,
        Roles: iam.roles.length,
        Policies: iam.policies.length,
        MFADevices: iam.virtualMfaDevices.length,
        MFADevicesInUse: iam.virtualMfaDevices.length,
        ServerCertificates: iam.serverCertificates.length,
      },
    };
  }),

  GenerateCredentialReport: op<object, GenerateCredentialReportCommandOutput>((_, { world, state }) => {
    state.reportGenerations += 1;
    const complete = state.reportGenerations > world.iam.credentialReportStartedCalls;
    return complete
      ? { State: 'COMPLETE' }
      : { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' };
  }),

  GetCredentialReport: op<object, GetCredentialReportCommandOutput>((_, { world, state }) => {
    if (state.reportGenerations <= world.iam.credentialReportStartedCalls) {
      throw world.iam.credentialReportStartedCalls > 0 && state.reportGenerations > 0
        ? new FakeAwsError('ReportInProgress', 'The credential report is being generated.', 404)
        : new FakeAwsError('ReportNotPresent', 'The credential report does not exist. Call GenerateCredentialReport first.', 410);
    }
    return { Content: new TextEncoder().encode(credentialReportCsv(world)), ReportFormat: 'text/csv', GeneratedTime: new Date() };
  }),

  GetAccountPasswordPolicy: op<object, GetAccountPasswordPolicyCommandOutput>((_, { world }) => {
    const policy = world.iam.passwordPolicy;
    if (!policy) throw new FakeAwsError('NoSuchEntity', `The Password Policy with domain name ${world.accountId} cannot be found.`, 404);
    return { PasswordPolicy: { AllowUsersToChangePassword: true, ExpirePasswords: policy.MaxPasswordAge !== undefined, ...policy } };
  }),

  GetAccountAuthorizationDetails: op<GetAccountAuthorizationDetailsCommandInput, GetAccountAuthorizationDetailsCommandOutput>(
    (input, { world }) => {
      const page = markerPage('IAM:GetAccountAuthorizationDetails', authorizationItems(world, input.Filter), input);
      const of = <K extends DetailItem['kind']>(kind: K) =>
        page.items.filter((i): i is Extract<DetailItem, { kind: K }> => i.kind === kind).map((i) => i.detail);
      return {
        UserDetailList: of('User'),
        GroupDetailList: of('Group'),
        RoleDetailList: of('Role'),
        Policies: of('LocalManagedPolicy'),
        ...page.token,
      };
    },
  ),

  ListVirtualMFADevices: op<ListVirtualMFADevicesCommandInput, ListVirtualMFADevicesCommandOutput>((input, { world }) => {
    // Every device in the world is assigned; an Unassigned listing is empty.
    const devices = input.AssignmentStatus === 'Unassigned' ? [] : world.iam.virtualMfaDevices;
    const page = markerPage('IAM:ListVirtualMFADevices', devices, input);
    return {
      VirtualMFADevices: page.items.map((d) => {
        const userArn = d.assignedTo === 'root' ? arns.root(world.accountId) : `arn:aws:iam::${world.accountId}:${d.assignedTo}`;
        return {
          SerialNumber: d.serialNumber,
          EnableDate: d.enabledAt,
          User: { UserName: d.assignedTo.replace(/^user\//, ''), UserId: 'AIDAFAKE', Arn: userArn, Path: '/', CreateDate: d.enabledAt },
        };
      }),
      ...page.token,
    };
  }),

  ListServerCertificates: op<ListServerCertificatesCommandInput, ListServerCertificatesCommandOutput>((input, { world }) => {
    const page = markerPage('IAM:ListServerCertificates', world.iam.serverCertificates, input);
    return {
      ServerCertificateMetadataList: page.items.map((c) => ({
        ServerCertificateName: c.name,
        ServerCertificateId: c.id,
        Arn: `arn:aws:iam::${world.accountId}:server-certificate/${c.name}`,
        Path: '/',
        UploadDate: c.uploadedAt,
        Expiration: c.expiresAt,
      })),
      ...page.token,
    };
  }),
};

export const stsHandlers: Record<string, Handler> = {
  GetCallerIdentity: op<object, GetCallerIdentityCommandOutput>((_, { world }) => ({
    Account: world.accountId,
    Arn: `arn:aws:iam::${world.accountId}:user/awscheck-scanner`,
    UserId: 'AIDAAWSCHECKSCANNER',
  })),
};
