import { SERVICES } from './services.js';
import type { AwsIdentity, AwsSession } from './session.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function isRegionName(name: string): boolean {
  return REGION.test(name);
}

/** The region the standard chain would use (AWS_REGION, AWS_DEFAULT_REGION, the profile's `region`), if any. */
export async function defaultRegion(profile?: string): Promise<string | undefined> {
  const probe = SERVICES.ec2.make(profile !== undefined ? { profile } : {});
  try {
    const region = await probe.config.region();
    return region || undefined;
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}

/** Regions enabled for the account (opted-in or default); disabled opt-in regions cannot be read anyway. */
export async function enabledRegions(session: AwsSession, identity: AwsIdentity, homeRegion: string): Promise<string[]> {
  // Loaded here, not at the top: isRegionName is part of every command's flag parsing.
  const { DescribeRegionsCommand } = await import('@aws-sdk/client-ec2');
  const out = await session.client('ec2', homeRegion, identity).send(new DescribeRegionsCommand({ AllRegions: false }));
  return (out.Regions ?? []).flatMap((r) => (r.RegionName && r.OptInStatus !== 'not-opted-in' ? [r.RegionName] : [])).sort();
}
