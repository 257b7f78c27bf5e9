import { ec2Xml, escapeXml, xmlMembers, type Ec2Answer } from './ec2-proxy.js';

/**
 * DescribeCapacityReservations as AWS answers it (EC2 API reference, CapacityReservation: members
 * in the query protocol's lowerCamel XML names, tags in `tagSet`), paged by `nextToken`, with the
 * `state` filter applied as AWS applies it.
 */
export interface RecordedReservation {
  capacityReservationId: string;
  ownerId: string;
  instanceType: string;
  instancePlatform: string;
  availabilityZone: string;
  tenancy: string;
  totalInstanceCount: number;
  availableInstanceCount: number;
  state: string;
  startDate?: string;
  endDate?: string;
  endDateType: string;
  instanceMatchCriteria: string;
  createDate: string;
  reservationType: string;
  unusedReservationBillingOwnerId?: string;
  commitmentInfo?: { committedInstanceCount: number; commitmentEndDate: string };
  tags?: Record<string, string>;
}

function item(r: RecordedReservation, region: string): string {
  const { tags, commitmentInfo, ...fields } = r;
  const tagSet = Object.entries(tags ?? {})
    .map(([k, v]) => `<item><key>${escapeXml(k)}</key><value>${escapeXml(v)}</value></item>`)
    .join('');
  return `<item>${xmlMembers({
    ...fields,
    capacityReservationArn: `arn:aws:ec2:${region}:${r.ownerId}:capacity-reservation/${r.capacityReservationId}`,
    ebsOptimized: true,
    ephemeralStorage: false,
  })}${commitmentInfo ? `<commitmentInfo>${xmlMembers(commitmentInfo)}</commitmentInfo>` : ''}<tagSet>${tagSet}</tagSet></item>`;
}

/** Answers from `pages` (one list per page); the filter `state` keeps only the states asked for. */
export function describeCapacityReservations(pages: readonly (readonly RecordedReservation[])[]): Ec2Answer {
  return ({ params, region }) => {
    const states = new Set<string>();
    for (let f = 1; params.has(`Filter.${f}.Name`); f++) {
      if (params.get(`Filter.${f}.Name`) !== 'state') continue;
      for (let v = 1; params.has(`Filter.${f}.Value.${v}`); v++) states.add(params.get(`Filter.${f}.Value.${v}`)!);
    }
    const page = Number(params.get('NextToken') ?? '0');
    const items = (pages[page] ?? []).filter((r) => states.size === 0 || states.has(r.state));
    const next = page + 1 < pages.length ? `<nextToken>${page + 1}</nextToken>` : '';
    return ec2Xml('DescribeCapacityReservations', `<capacityReservationSet>${items.map((r) => item(r, region)).join('')}</capacityReservationSet>${next}`);
  };
}
