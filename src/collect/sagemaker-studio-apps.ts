import {
  DescribeDomainCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  paginateListApps,
  type AppDetails,
  type DescribeDomainCommandOutput,
  type DescribeSpaceCommandOutput,
  type DescribeUserProfileCommandOutput,
} from '@aws-sdk/client-sagemaker';
import { mapLimit } from '../aws/limiter.js';
import { SageMakerStudioAppSchema, STUDIO_IDLE_SETTINGS_KEY, type SageMakerStudioApp, type StudioIdleSetting } from '../snapshot/types/sagemaker-studio-app.js';
import { defineCollector } from './collector.js';
import { clientFor, warnFailure, type RegionContext } from './context.js';

/**
 * InService SageMaker Studio apps of a region (ListApps across every domain), each with the
 * idle-shutdown settings of the levels above it: DescribeSpace, DescribeUserProfile (the private
 * space's owner) and DescribeDomain, each called once per space, profile or domain that has a
 * running app. ListDomains and ListSpaces are not needed: the apps name their domain and space,
 * and the Describe calls return everything the lists would. Field paths: src/snapshot/types/sagemaker-studio-app.ts.
 */
export const sagemakerStudioAppsCollector = defineCollector({
  id: 'sagemaker-studio-apps',
  service: 'sagemaker',
  scope: 'region',
  iamActions: ['sagemaker:ListApps', 'sagemaker:DescribeDomain', 'sagemaker:DescribeSpace', 'sagemaker:DescribeUserProfile'],
  resourceType: 'sagemaker-studio-app',
  step: 'sagemaker',
  what: 'SageMaker Studio apps (ListApps)',
  collect: collectStudioApps,
  toSnapshot: (sagemakerStudioApps) => ({ resources: { sagemakerStudioApps } }),
  count: (list) => list.length,
});

const DESCRIBE_CONCURRENCY = 4;
type Read<T> = T | 'unread';
type IdleHolder = { AppLifecycleManagement?: { IdleSettings?: { LifecycleManagement?: string; IdleTimeoutInMinutes?: number } } } | undefined;

export async function collectStudioApps(ctx: RegionContext): Promise<SageMakerStudioApp[]> {
  const client = clientFor(ctx, 'sagemaker');
  const apps: AppDetails[] = [];
  for await (const page of paginateListApps({ client, pageSize: 100 }, {})) {
    for (const a of page.Apps ?? []) if (a.Status === 'InService') apps.push(a);
  }
  if (!apps.length) return [];
  const domains = await describeEach(ctx, 'domains (DescribeDomain)', unique(apps.map((a) => a.DomainId)), (id) =>
    client.send(new DescribeDomainCommand({ DomainId: id })),
  );
  const spaces = await describeEach(
    ctx,
    'spaces (DescribeSpace)',
    unique(apps.map((a) => a.DomainId && a.SpaceName && `${a.DomainId}/${a.SpaceName}`)),
    (key) => client.send(new DescribeSpaceCommand(splitKey(key, 'SpaceName'))),
  );
  const profileKeys = apps.map((a) => (idleKey(a.AppType) ? profileKeyOf(a, spaces) : undefined));
  const profiles = await describeEach(ctx, 'user profiles (DescribeUserProfile)', unique(profileKeys), (key) =>
    client.send(new DescribeUserProfileCommand(splitKey(key, 'UserProfileName'))),
  );
  return apps.flatMap((a, i) => appOf(ctx, a, domains, spaces, profiles, profileKeys[i]) ?? []);
}

/** One Describe per key, DESCRIBE_CONCURRENCY at a time; failures become one warning per API and region, the key `unread`. */
async function describeEach<T>(ctx: RegionContext, what: string, keys: readonly string[], call: (key: string) => Promise<T>): Promise<Map<string, Read<T>>> {
  const failures: unknown[] = [];
  const results = await mapLimit(keys, DESCRIBE_CONCURRENCY, async (key): Promise<[string, Read<T>]> => {
    try {
      return [key, await call(key)];
    } catch (err) {
      failures.push(err);
      return [key, 'unread'];
    }
  });
  if (failures.length) {
    warnFailure(
      ctx,
      'sagemaker',
      `SageMaker Studio ${what} for ${failures.length} of ${keys.length}`,
      failures[0],
      'the idle shutdown of their apps is unknown, so those apps are not judged',
    );
  }
  return new Map(results);
}

/** The profile whose settings govern an app: its own user profile, or the owner of the private space it runs in. */
function profileKeyOf(a: AppDetails, spaces: ReadonlyMap<string, Read<DescribeSpaceCommandOutput>>): string | undefined {
  if (!a.DomainId) return undefined;
  if (!a.SpaceName) return a.UserProfileName && `${a.DomainId}/${a.UserProfileName}`;
  const space = spaces.get(`${a.DomainId}/${a.SpaceName}`);
  if (space === undefined || space === 'unread' || space.SpaceSharingSettings?.SharingType === 'Shared') return undefined;
  const owner = space.OwnershipSettings?.OwnerUserProfileName;
  return owner && `${a.DomainId}/${owner}`;
}

function appOf(
  ctx: RegionContext,
  a: AppDetails,
  domains: ReadonlyMap<string, Read<DescribeDomainCommandOutput>>,
  spaces: ReadonlyMap<string, Read<DescribeSpaceCommandOutput>>,
  profiles: ReadonlyMap<string, Read<DescribeUserProfileCommandOutput>>,
  profileKey: string | undefined,
): SageMakerStudioApp | undefined {
  const domain = domains.get(a.DomainId ?? '');
  const space = a.SpaceName ? spaces.get(`${a.DomainId ?? ''}/${a.SpaceName}`) : undefined;
  const key = idleKey(a.AppType);
  const shared = space !== undefined && space !== 'unread' && space.SpaceSharingSettings?.SharingType === 'Shared';
  const idleSettings: Record<string, Read<StudioIdleSetting>> = {};
  if (key) {
    if (space !== undefined) put(idleSettings, 'space', space === 'unread' ? space : idleOf(space.SpaceSettings?.[key]));
    // A private space whose owner is unknown (space unread) has an unknown profile level too.
    const profile = profileKey ? profiles.get(profileKey) : space === 'unread' ? 'unread' : undefined;
    if (profile !== undefined) put(idleSettings, 'userProfile', profile === 'unread' ? profile : idleOf(profile.UserSettings?.[key]));
    if (domain !== undefined) {
      put(idleSettings, 'domainUserDefault', domain === 'unread' ? domain : idleOf(domain.DefaultUserSettings?.[key]));
      // DefaultSpaceSettings governs shared spaces and has JupyterLab settings only.
      if (shared && key === 'JupyterLabAppSettings')
        put(idleSettings, 'domainSpaceDefault', domain === 'unread' ? domain : idleOf(domain.DefaultSpaceSettings?.[key]));
    }
  }
  const d = domain !== undefined && domain !== 'unread' ? domain : undefined;
  const s = space !== undefined && space !== 'unread' ? space : undefined;
  const candidate = {
    id: [a.DomainId, a.SpaceName ?? a.UserProfileName ?? '-', a.AppType, a.AppName].join('/'),
    name: a.AppName,
    accountId: ctx.account.accountId,
    region: ctx.region,
    domainId: a.DomainId,
    ...(d?.DomainName ? { domainName: d.DomainName } : {}),
    appType: a.AppType,
    status: a.Status,
    ...(a.SpaceName ? { spaceName: a.SpaceName } : {}),
    ...(a.UserProfileName ? { userProfileName: a.UserProfileName } : {}),
    ...(a.ResourceSpec?.InstanceType ? { instanceType: a.ResourceSpec.InstanceType } : {}),
    ...(a.CreationTime ? { creationTime: a.CreationTime.toISOString() } : {}),
    ...(s
      ? {
          space: {
            ...(s.OwnershipSettings?.OwnerUserProfileName ? { ownerUserProfileName: s.OwnershipSettings.OwnerUserProfileName } : {}),
            ...(s.SpaceSharingSettings?.SharingType ? { sharingType: s.SpaceSharingSettings.SharingType } : {}),
            ...(s.SpaceSettings?.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb !== undefined
              ? { ebsVolumeSizeGb: s.SpaceSettings.SpaceStorageSettings.EbsStorageSettings.EbsVolumeSizeInGb }
              : {}),
          },
        }
      : {}),
    idleSettings,
    tags: {},
  };
  const parsed = SageMakerStudioAppSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  ctx.warnings.add({
    code: 'invalid-response',
    message: `${ctx.account.accountId}/${ctx.region}: dropped Studio app ${a.AppName ?? '(no name)'}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
    accountId: ctx.account.accountId,
    region: ctx.region,
    service: 'sagemaker',
    ...(a.AppName ? { resourceId: a.AppName } : {}),
  });
  return undefined;
}

function put(into: Record<string, Read<StudioIdleSetting>>, level: string, value: Read<StudioIdleSetting> | undefined): void {
  if (value !== undefined) into[level] = value;
}

/** IdleSettings (or SpaceIdleSettings) as the Snapshot keeps it; a LifecycleManagement AWS might add later is left out, not guessed. */
function idleOf(holder: IdleHolder): StudioIdleSetting | undefined {
  const s = holder?.AppLifecycleManagement?.IdleSettings;
  if (!s) return undefined;
  const lm = s.LifecycleManagement === 'ENABLED' || s.LifecycleManagement === 'DISABLED' ? s.LifecycleManagement : undefined;
  const timeout = s.IdleTimeoutInMinutes;
  if (lm === undefined && timeout === undefined) return undefined;
  return { ...(lm ? { lifecycleManagement: lm } : {}), ...(timeout !== undefined ? { idleTimeoutMinutes: timeout } : {}) };
}

function idleKey(appType: string | undefined): (typeof STUDIO_IDLE_SETTINGS_KEY)[keyof typeof STUDIO_IDLE_SETTINGS_KEY] | undefined {
  return appType !== undefined && appType in STUDIO_IDLE_SETTINGS_KEY ? STUDIO_IDLE_SETTINGS_KEY[appType as keyof typeof STUDIO_IDLE_SETTINGS_KEY] : undefined;
}

function unique(keys: readonly (string | undefined)[]): string[] {
  return [...new Set(keys.filter((k): k is string => k !== undefined && k !== ''))];
}

function splitKey<N extends string>(key: string, name: N): { DomainId: string } & Record<N, string> {
  const slash = key.indexOf('/');
  return { DomainId: key.slice(0, slash), [name]: key.slice(slash + 1) } as { DomainId: string } & Record<N, string>;
}
