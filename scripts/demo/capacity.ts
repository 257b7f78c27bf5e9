import type { BedrockProvisionedThroughput } from '../../src/snapshot/types/bedrock-provisioned-throughput.js';
import type { CapacityReservation } from '../../src/snapshot/types/capacity-reservation.js';
import type { SageMakerTrainingPlan } from '../../src/snapshot/types/sagemaker-training-plan.js';
import { gauge, rng, type Window } from '../synthetic.js';

/**
 * The demo account's reserved accelerator capacity: an On-Demand Capacity Reservation of two
 * p5.48xlarge made for a launch that never came (empty for the whole window), and a Capacity Block
 * for ML half used, 60 hours before it ends, while a p5 runs on-demand beside it (eval-harness);
 * a SageMaker training plan half empty with 90 hours left, and a Bedrock Provisioned Throughput
 * for a fine-tuned model nobody has invoked since the feature it served was shelved.
 */
export function demoCapacity(
  w: Window,
  research: string,
): {
  capacityReservations: CapacityReservation[];
  sagemakerTrainingPlans: SageMakerTrainingPlan[];
  bedrockProvisionedThroughputs: BedrockProvisionedThroughput[];
} {
  // Its own random stream: adding these leaves every other demo resource's figures as they were.
  const rand = rng(15);
  const hoursFromEnd = (h: number) => new Date(w.end.getTime() + h * 3_600_000).toISOString();
  const flat = (v: number) => gauge(w, { avg: v, p95: v, max: v }, rand);
  const base = {
    accountId: research,
    region: 'us-east-1',
    availabilityZone: 'us-east-1a',
    instanceType: 'p5.48xlarge',
    platform: 'Linux/UNIX',
    tenancy: 'default',
    state: 'active',
    ownerId: research,
    shared: false,
  } as const;
  return {
    ...demoReservedCapacityServices(hoursFromEnd, research),
    capacityReservations: [
      {
        ...base,
        id: 'cr-0a1d1e8p5launch01',
        arn: `arn:aws:ec2:us-east-1:${research}:capacity-reservation/cr-0a1d1e8p5launch01`,
        reservationType: 'default',
        instanceMatchCriteria: 'targeted',
        totalInstanceCount: 2,
        availableInstanceCount: 2,
        startDate: hoursFromEnd(-45 * 24),
        endDateType: 'unlimited',
        createDate: hoursFromEnd(-45 * 24),
        tags: { Name: 'gpt-launch-reserve', team: 'research' },
        metrics: { used: flat(0), usedPeak: flat(0), available: flat(2), utilization: flat(0) },
      },
      {
        ...base,
        id: 'cr-0a1d1e8p5block001',
        arn: `arn:aws:ec2:us-east-1:${research}:capacity-reservation/cr-0a1d1e8p5block001`,
        reservationType: 'capacity-block',
        instanceMatchCriteria: 'targeted',
        totalInstanceCount: 4,
        availableInstanceCount: 2,
        startDate: hoursFromEnd(-108),
        endDate: hoursFromEnd(60),
        endDateType: 'limited',
        createDate: hoursFromEnd(-20 * 24),
        tags: { Name: 'pretrain-block-nov', team: 'research' },
        metrics: { used: flat(2), usedPeak: flat(2), available: flat(2), utilization: flat(50) },
      },
    ],
  };
}

/** The SageMaker and Bedrock side: no metrics drawn, so the random stream above is untouched. */
function demoReservedCapacityServices(
  hoursFromEnd: (h: number) => string,
  research: string,
): { sagemakerTrainingPlans: SageMakerTrainingPlan[]; bedrockProvisionedThroughputs: BedrockProvisionedThroughput[] } {
  const titan = 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k';
  return {
    sagemakerTrainingPlans: [
      {
        name: 'llm-finetune-dec',
        arn: `arn:aws:sagemaker:us-east-1:${research}:training-plan/llm-finetune-dec`,
        accountId: research,
        region: 'us-east-1',
        status: 'Active',
        startTime: hoursFromEnd(-78),
        endTime: hoursFromEnd(90),
        durationHours: 168,
        upfrontFee: 61_152,
        currencyCode: 'USD',
        totalInstanceCount: 4,
        availableInstanceCount: 2,
        inUseInstanceCount: 2,
        targetResources: ['training-job'],
        reservedCapacities: [
          {
            instanceType: 'ml.p5.48xlarge',
            totalInstanceCount: 4,
            status: 'Active',
            availabilityZone: 'us-east-1b',
            startTime: hoursFromEnd(-78),
            endTime: hoursFromEnd(90),
          },
        ],
        tags: {},
      },
    ],
    bedrockProvisionedThroughputs: [
      {
        name: 'support-summarizer-pt',
        arn: `arn:aws:bedrock:us-east-1:${research}:provisioned-model/q8w2e4r6t0y1`,
        accountId: research,
        region: 'us-east-1',
        modelArn: `arn:aws:bedrock:us-east-1:${research}:custom-model/amazon.titan-text-express-v1:0:8k/support-summarizer-v3`,
        desiredModelArn: `arn:aws:bedrock:us-east-1:${research}:custom-model/amazon.titan-text-express-v1:0:8k/support-summarizer-v3`,
        foundationModelArn: titan,
        modelUnits: 1,
        desiredModelUnits: 1,
        status: 'InService',
        creationTime: hoursFromEnd(-40 * 24),
        tags: {},
        metrics: {},
      },
    ],
  };
}
