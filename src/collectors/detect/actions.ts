// Which IAM action each SDK command of the detection collectors needs. The least-privilege test maps every
// command a scan sends through this table and compares the result with what the collectors declare.
export const DETECT_COMMAND_ACTIONS = {
  CloudTrailClient: {
    DescribeTrails: 'cloudtrail:DescribeTrails',
    GetTrailStatus: 'cloudtrail:GetTrailStatus',
  },
  GuardDutyClient: {
    ListDetectors: 'guardduty:ListDetectors',
    GetDetector: 'guardduty:GetDetector',
  },
  Inspector2Client: {
    BatchGetAccountStatus: 'inspector2:BatchGetAccountStatus',
  },
  // The IAM prefix is access-analyzer, not the client's accessanalyzer.
  AccessAnalyzerClient: {
    ListAnalyzers: 'access-analyzer:ListAnalyzers',
  },
} as const satisfies Record<string, Record<string, string>>;
