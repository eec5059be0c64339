// Which regions a scan covers: the selection, the config list, or `all` = every region enabled for the account.
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { AwsSession } from '../aws/session.ts';
import type { Settings } from '../config/schema.ts';
import { t } from '../i18n/locale.ts';
import { ENGINE_TEXT } from './messages.ts';

/** Account-level calls the engine itself makes (joined into the read-only policy). */
export const ENGINE_ACTIONS = ['sts:GetCallerIdentity', 'ec2:DescribeRegions'] as const;

export interface ResolvedRegions {
  regions: string[];
  notes: string[];
}

export async function resolveRegions(
  session: AwsSession,
  settings: Settings,
  selected?: readonly string[],
): Promise<ResolvedRegions> {
  const wanted = selected?.length ? selected : settings.regions === 'all' ? undefined : settings.regions;
  const answer = await session
    .client(EC2Client, session.homeRegion)
    .send(new DescribeRegionsCommand({ AllRegions: true }));
  const enabled = new Set<string>();
  const known = new Set<string>();
  for (const region of answer.Regions ?? []) {
    if (!region.RegionName) continue;
    known.add(region.RegionName);
    if (region.OptInStatus !== 'not-opted-in') enabled.add(region.RegionName);
  }
  if (!wanted) return { regions: [...enabled].sort(), notes: [] };
  const notes: string[] = [];
  const regions: string[] = [];
  for (const region of wanted) {
    if (enabled.has(region)) regions.push(region);
    else if (known.has(region)) notes.push(t(settings.locale, ENGINE_TEXT.regionNotEnabled(region)));
    else notes.push(t(settings.locale, ENGINE_TEXT.regionUnknown(region)));
  }
  return { regions: [...new Set(regions)].sort(), notes };
}
