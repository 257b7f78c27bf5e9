import { paginateDescribeLaunchTemplateVersions, type EC2Client } from '@aws-sdk/client-ec2';

/**
 * Launch templates whose latest version aims at a capacity reservation by id, keyed by that id.
 * One paged call covers every template: DescribeLaunchTemplateVersions with Versions=$Latest and
 * no template id or name "describes the launch template data for all your launch templates" (EC2
 * API reference). A target naming a Capacity Reservation resource group is not resolved (that needs
 * the Resource Groups API), so only id targets count.
 */
export async function launchTemplatesByReservation(client: EC2Client): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>();
  for await (const page of paginateDescribeLaunchTemplateVersions({ client, pageSize: 200 }, { Versions: ['$Latest'] })) {
    for (const v of page.LaunchTemplateVersions ?? []) {
      const target = v.LaunchTemplateData?.CapacityReservationSpecification?.CapacityReservationTarget?.CapacityReservationId;
      const name = v.LaunchTemplateName ?? v.LaunchTemplateId;
      if (target === undefined || name === undefined) continue;
      byId.set(target, [...(byId.get(target) ?? []), name].sort());
    }
  }
  return byId;
}
