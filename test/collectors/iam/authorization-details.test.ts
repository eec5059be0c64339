import { GetAccountAuthorizationDetailsCommand, IAMClient } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { authorizationDetails } from '../../../src/collectors/iam/authorization-details.ts';
import { servePages } from '../serve-pages.ts';
import { collectContext } from './context.ts';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const encoded = (document: object) => encodeURIComponent(JSON.stringify(document));
const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const READ_S3 = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::reports/*' } };

describe('authorizationDetails collector', () => {
  it('reads every page and decodes the URL-encoded policy documents', async () => {
    const sent = servePages(
      iam,
      GetAccountAuthorizationDetailsCommand,
      [
        {
          UserDetailList: [
            {
              UserName: 'alice',
              Arn: 'arn:aws:iam::123456789012:user/alice',
              GroupList: ['devs'],
              AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
              UserPolicyList: [{ PolicyName: 'reports', PolicyDocument: encoded(READ_S3) }],
            },
          ],
          RoleDetailList: [
            {
              RoleName: 'web',
              Arn: 'arn:aws:iam::123456789012:role/web',
              InstanceProfileList: [
                { InstanceProfileName: 'web', Arn: 'arn:aws:iam::123456789012:instance-profile/web', Path: '/', InstanceProfileId: 'AIPA1', CreateDate: new Date(), Roles: [] },
              ],
              AttachedManagedPolicies: [{ PolicyName: 'everything', PolicyArn: 'arn:aws:iam::123456789012:policy/everything' }],
            },
          ],
        },
        {
          GroupDetailList: [{ GroupName: 'devs', Arn: 'arn:aws:iam::123456789012:group/devs', GroupPolicyList: [{ PolicyName: 'admin', PolicyDocument: encoded(ADMIN) }] }],
          Policies: [
            {
              PolicyName: 'everything',
              Arn: 'arn:aws:iam::123456789012:policy/everything',
              DefaultVersionId: 'v2',
              AttachmentCount: 1,
              PolicyVersionList: [
                { VersionId: 'v1', IsDefaultVersion: false, Document: encoded(READ_S3) },
                { VersionId: 'v2', IsDefaultVersion: true, Document: encoded(ADMIN) },
              ],
            },
          ],
        },
      ],
      { token: 'Marker', truncated: 'IsTruncated' },
    );

    const details = await authorizationDetails.collect(collectContext());

    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] });
    expect(sent[1]).toMatchObject({ Marker: 'page-2' });
    expect(details.users).toEqual([
      {
        name: 'alice',
        arn: 'arn:aws:iam::123456789012:user/alice',
        path: '/',
        groups: ['devs'],
        attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
        inlinePolicies: [{ name: 'reports', document: READ_S3 }],
      },
    ]);
    expect(details.roles[0]).toMatchObject({
      name: 'web',
      instanceProfiles: [{ name: 'web', arn: 'arn:aws:iam::123456789012:instance-profile/web' }],
      inlinePolicies: [],
    });
    expect(details.groups[0]?.inlinePolicies).toEqual([{ name: 'admin', document: ADMIN }]);
    // Only the default version is kept.
    expect(details.policies).toEqual([
      { name: 'everything', arn: 'arn:aws:iam::123456789012:policy/everything', path: '/', attachmentCount: 1, defaultVersionId: 'v2', document: ADMIN },
    ]);
  });

  it('keeps an inline policy that is not a policy document apart, naming it, and reads its owner', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({
      RoleDetailList: [{ RoleName: 'web', Arn: 'arn:aws:iam::123456789012:role/web', RolePolicyList: [{ PolicyName: 'odd', PolicyDocument: '%7Bnot%20json' }] }],
      UserDetailList: [{ UserName: 'bob', Arn: 'arn:aws:iam::123456789012:user/bob', UserPolicyList: [{ PolicyName: 'empty', PolicyDocument: encoded({ Version: '2012-10-17' }) }] }],
    });
    const details = await authorizationDetails.collect(collectContext());
    expect(details.roles[0]?.inlinePolicies).toEqual([{ name: 'odd', unreadable: expect.stringMatching(/policy role web\/odd is not URL-encoded JSON/) }]);
    expect(details.users[0]?.inlinePolicies).toEqual([{ name: 'empty', unreadable: expect.stringMatching(/policy user bob\/empty is not an IAM policy document/) }]);
    expect(details.unreadable).toEqual({ users: [], groups: [], roles: [], policies: [] });
  });

  it('keeps an entry without a field AWS always sends apart, named as well as it can be, and reads the rest', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({
      UserDetailList: [
        { UserName: 'carol', Arn: 'arn:aws:iam::123456789012:user/carol', AttachedManagedPolicies: [{ PolicyName: 'x' }] },
        { UserName: 'dave', Arn: 'arn:aws:iam::123456789012:user/dave' },
      ],
      RoleDetailList: [{ Arn: 'arn:aws:iam::123456789012:role/nameless' }],
      Policies: [
        { PolicyName: 'half', Arn: 'arn:aws:iam::123456789012:policy/half', DefaultVersionId: 'v1', PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true }] },
        { PolicyName: 'everything', Arn: 'arn:aws:iam::123456789012:policy/everything', DefaultVersionId: 'v1', PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: encoded(ADMIN) }] },
      ],
    });
    const details = await authorizationDetails.collect(collectContext());
    expect(details.users.map((u) => u.name)).toEqual(['dave']);
    expect(details.policies.map((p) => p.name)).toEqual(['everything']);
    expect(details.unreadable).toEqual({
      users: [{ resourceType: 'AWS::IAM::User', resourceId: 'carol', resourceArn: 'arn:aws:iam::123456789012:user/carol', reason: 'GetAccountAuthorizationDetails answered without a policy ARN attached to user carol' }],
      groups: [],
      roles: [{ resourceType: 'AWS::IAM::Role', resourceId: 'arn:aws:iam::123456789012:role/nameless', resourceArn: 'arn:aws:iam::123456789012:role/nameless', reason: 'GetAccountAuthorizationDetails answered without a role name' }],
      policies: [{ resourceType: 'AWS::IAM::Policy', resourceId: 'half', resourceArn: 'arn:aws:iam::123456789012:policy/half', reason: 'GetAccountAuthorizationDetails answered without the default version document of policy half' }],
    });
  });
});
