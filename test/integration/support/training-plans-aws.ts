import { json, type LoopbackAnswer } from './loopback-aws.js';
import type { Ec2Answer } from './ec2-proxy.js';

/**
 * ListTrainingPlans as AWS answers it (SageMaker API reference, ListTrainingPlans and
 * TrainingPlanSummary: awsJson 1.1, timestamps as epoch seconds, UpfrontFee a decimal string),
 * paged by NextToken.
 */
export interface RecordedTrainingPlan {
  TrainingPlanArn: string;
  TrainingPlanName: string;
  Status: string;
  StartTime?: number;
  EndTime?: number;
  DurationHours?: number;
  DurationMinutes?: number;
  UpfrontFee?: string;
  CurrencyCode?: string;
  TotalInstanceCount?: number;
  AvailableInstanceCount?: number;
  InUseInstanceCount?: number;
  TargetResources?: string[];
  ReservedCapacitySummaries?: {
    ReservedCapacityArn: string;
    InstanceType: string;
    TotalInstanceCount: number;
    Status: string;
    AvailabilityZone?: string;
    DurationHours?: number;
    StartTime?: number;
    EndTime?: number;
  }[];
}

const JSON_11 = 'application/x-amz-json-1.1';

/** Answers from `pages` (one list per page), the page chosen by the NextToken the SDK sends back. */
export function listTrainingPlans(pages: readonly (readonly RecordedTrainingPlan[])[]): Ec2Answer {
  return ({ json: body }) => {
    const page = Number(body?.['NextToken'] ?? '0');
    const next = page + 1 < pages.length ? { NextToken: String(page + 1) } : {};
    return json(200, { TrainingPlanSummaries: pages[page] ?? [], ...next }, undefined, JSON_11);
  };
}

/** What SageMaker answers a caller without sagemaker:ListTrainingPlans. */
export function sagemakerAccessDenied(action: string): LoopbackAnswer {
  const message = `User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: sagemaker:${action} because no identity-based policy allows the sagemaker:${action} action`;
  return json(400, { __type: 'AccessDeniedException', message }, 'AccessDeniedException', JSON_11);
}
