import type { Ec2Answer } from './ec2-proxy.js';
import { json } from './loopback-aws.js';

/**
 * The SageMaker Studio APIs moto_server 5.2.1 lacks (it has CreateDomain/DescribeDomain/ListDomains,
 * not ListApps, DescribeSpace or DescribeUserProfile), answered as AWS does: awsJson 1.1, timestamps
 * as epoch seconds, shapes from the SageMaker API reference (ListApps/AppDetails, DescribeSpace,
 * DescribeUserProfile). ListApps is paged by NextToken; a missing space or profile is ResourceNotFound.
 */
export interface RecordedApp {
  DomainId: string;
  AppType: string;
  AppName: string;
  Status: string;
  SpaceName?: string;
  UserProfileName?: string;
  CreationTime?: number;
  ResourceSpec?: { InstanceType?: string; SageMakerImageArn?: string };
}

export interface RecordedSpace {
  DomainId: string;
  SpaceName: string;
  Status?: string;
  SpaceSettings?: Record<string, unknown>;
  OwnershipSettings?: { OwnerUserProfileName: string };
  SpaceSharingSettings?: { SharingType: 'Private' | 'Shared' };
}

export interface RecordedUserProfile {
  DomainId: string;
  UserProfileName: string;
  Status?: string;
  UserSettings?: Record<string, unknown>;
}

const JSON_11 = 'application/x-amz-json-1.1';

export function listApps(pages: readonly (readonly RecordedApp[])[]): Ec2Answer {
  return ({ json: body }) => {
    const page = Number(body?.['NextToken'] ?? '0');
    const next = page + 1 < pages.length ? { NextToken: String(page + 1) } : {};
    return json(200, { Apps: pages[page] ?? [], ...next }, undefined, JSON_11);
  };
}

export function describeSpace(spaces: readonly RecordedSpace[]): Ec2Answer {
  return ({ json: body }) => {
    const found = spaces.find((s) => s.DomainId === body?.['DomainId'] && s.SpaceName === body['SpaceName']);
    return found ? json(200, { Status: 'InService', ...found }, undefined, JSON_11) : notFound(`Space ${String(body?.['SpaceName'])}`);
  };
}

export function describeUserProfile(profiles: readonly RecordedUserProfile[]): Ec2Answer {
  return ({ json: body }) => {
    const found = profiles.find((p) => p.DomainId === body?.['DomainId'] && p.UserProfileName === body['UserProfileName']);
    return found ? json(200, { Status: 'InService', ...found }, undefined, JSON_11) : notFound(`UserProfile ${String(body?.['UserProfileName'])}`);
  };
}

function notFound(what: string) {
  return json(400, { __type: 'ResourceNotFound', message: `${what} does not exist` }, 'ResourceNotFound', JSON_11);
}
