// Systems Manager: managed nodes, patch compliance, documents and their sharing.
import type {
  DescribeDocumentPermissionCommandInput,
  DescribeDocumentPermissionCommandOutput,
  DescribeInstanceInformationCommandInput,
  DescribeInstanceInformationCommandOutput,
  ListDocumentsCommandInput,
  ListDocumentsCommandOutput,
  ListResourceComplianceSummariesCommandInput,
  ListResourceComplianceSummariesCommandOutput,
} from '@aws-sdk/client-ssm';
import { FakeAwsError } from '../errors.ts';
import { nextTokenPage } from '../pages.ts';
import { regionOf } from '../world.ts';
import { type Handler, filterValues, op } from './types.ts';

/** Without an Owner filter ListDocuments also lists Amazon's own documents: hundreds of them. */
const AMAZON_DOCUMENTS = Array.from({ length: 400 }, (_, n) => ({ name: `AWS-FakeAmazonDocument${String(n).padStart(3, '0')}`, type: 'Command' as const }));

export const ssmHandlers: Record<string, Handler> = {
  DescribeInstanceInformation: op<DescribeInstanceInformationCommandInput, DescribeInstanceInformationCommandOutput>(
    (input, { world, region }) => {
      const page = nextTokenPage('SSM:DescribeInstanceInformation', regionOf(world, region).managedInstances, input);
      return {
        InstanceInformationList: page.items.map((m) => ({
          InstanceId: m.instanceId,
          PingStatus: m.pingStatus,
          LastPingDateTime: m.lastPingAt,
          PlatformType: m.platformType,
          PlatformName: m.platformName,
          AgentVersion: m.agentVersion,
          IsLatestVersion: true,
          ResourceType: 'EC2Instance',
        })),
        ...page.token,
      };
    },
  ),

  ListResourceComplianceSummaries: op<ListResourceComplianceSummariesCommandInput, ListResourceComplianceSummariesCommandOutput>(
    (input, { world, region }) => {
      const types = filterValues(input.Filters, 'ComplianceType');
      // Patch is the only compliance type the world models.
      const items = !types || types.includes('Patch') ? regionOf(world, region).patchCompliance : [];
      const page = nextTokenPage('SSM:ListResourceComplianceSummaries', items, input);
      return {
        ResourceComplianceSummaryItems: page.items.map((p) => {
          const missing = p.missing.critical + p.missing.high + p.missing.medium + p.missing.low;
          return {
            ComplianceType: 'Patch',
            ResourceType: 'ManagedInstance',
            ResourceId: p.instanceId,
            Status: p.status,
            OverallSeverity: p.missing.critical ? 'CRITICAL' : p.missing.high ? 'HIGH' : p.missing.medium ? 'MEDIUM' : p.missing.low ? 'LOW' : 'UNSPECIFIED',
            ExecutionSummary: { ExecutionTime: p.executedAt, ExecutionId: `exec-${p.instanceId}`, ExecutionType: 'Command' },
            CompliantSummary: { CompliantCount: p.compliantCount, SeveritySummary: { UnspecifiedCount: p.compliantCount } },
            NonCompliantSummary: {
              NonCompliantCount: missing,
              SeveritySummary: {
                CriticalCount: p.missing.critical,
                HighCount: p.missing.high,
                MediumCount: p.missing.medium,
                LowCount: p.missing.low,
                InformationalCount: 0,
                UnspecifiedCount: 0,
              },
            },
          };
        }),
        ...page.token,
      };
    },
  ),

  ListDocuments: op<ListDocumentsCommandInput, ListDocumentsCommandOutput>((input, { world, region }) => {
    const owners = filterValues(input.Filters, 'Owner');
    const own = regionOf(world, region).documents.map((d) => ({ name: d.name, type: d.type, owner: world.accountId, version: d.version }));
    const amazon = AMAZON_DOCUMENTS.map((d) => ({ ...d, owner: 'Amazon', version: '1' }));
    const documents = owners?.includes('Self') ? own : owners?.includes('Amazon') ? amazon : [...amazon, ...own];
    const page = nextTokenPage('SSM:ListDocuments', documents, input);
    return {
      DocumentIdentifiers: page.items.map((d) => ({
        Name: d.name,
        Owner: d.owner,
        DocumentType: d.type,
        DocumentFormat: 'JSON',
        DocumentVersion: d.version,
        SchemaVersion: '2.2',
        PlatformTypes: ['Linux'],
      })),
      ...page.token,
    };
  }),

  DescribeDocumentPermission: op<DescribeDocumentPermissionCommandInput, DescribeDocumentPermissionCommandOutput>(
    (input, { world, region }) => {
      if (input.PermissionType !== 'Share') throw new FakeAwsError('InvalidPermissionType', 'PermissionType must be Share');
      const doc = regionOf(world, region).documents.find((d) => d.name === input.Name);
      if (!doc) throw new FakeAwsError('InvalidDocument', `Document ${input.Name ?? ''} does not exist or is not owned by the account`);
      const page = nextTokenPage('SSM:DescribeDocumentPermission', doc.sharedWith, input);
      return {
        AccountIds: page.items,
        AccountSharingInfoList: page.items.map((id) => ({ AccountId: id, SharedDocumentVersion: id === 'all' ? doc.version : '$DEFAULT' })),
        ...page.token,
      };
    },
  ),
};
