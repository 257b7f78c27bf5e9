import { z } from 'zod';
import { isoDate, tags } from '../metric-schema.js';

/**
 * One idle-shutdown setting as one level of Studio holds it (SageMaker API reference, IdleSettings:
 * LifecycleManagement ENABLED | DISABLED, IdleTimeoutInMinutes 60-525600; SpaceIdleSettings has
 * only IdleTimeoutInMinutes, so a space can change the timeout but not turn shutdown on or off).
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_IdleSettings.html
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_SpaceIdleSettings.html
 */
export const StudioIdleSettingSchema = z.object({
  lifecycleManagement: z.enum(['ENABLED', 'DISABLED']).optional(),
  idleTimeoutMinutes: z.number().int().positive().optional(),
});

/** A level whose settings could not be read (its Describe call failed) is `unread`, not absent: absence means "inherits". */
const level = z.union([StudioIdleSettingSchema, z.literal('unread')]);

/**
 * One SageMaker Studio app (ListApps, AppDetails: DomainId, UserProfileName, SpaceName, AppType,
 * AppName, Status, CreationTime, ResourceSpec.InstanceType;
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AppDetails.html), with the
 * idle-shutdown settings of each level above it for its app type, as read:
 * - `space`: DescribeSpace SpaceSettings.JupyterLabAppSettings | CodeEditorAppSettings
 *   .AppLifecycleManagement.IdleSettings (API_DescribeSpace.html, API_SpaceJupyterLabAppSettings.html,
 *   API_SpaceCodeEditorAppSettings.html); also OwnershipSettings.OwnerUserProfileName,
 *   SpaceSharingSettings.SharingType and SpaceSettings.SpaceStorageSettings.EbsStorageSettings.EbsVolumeSizeInGb.
 * - `userProfile`: DescribeUserProfile UserSettings.<app>AppSettings.AppLifecycleManagement.IdleSettings
 *   of the app's user profile, or of the private space's owner (API_DescribeUserProfile.html, API_UserSettings.html).
 * - `domainSpaceDefault`: DescribeDomain DefaultSpaceSettings.JupyterLabAppSettings.AppLifecycleManagement.IdleSettings
 *   (shared spaces; DefaultSpaceSettings has no CodeEditor settings) (API_DefaultSpaceSettings.html).
 * - `domainUserDefault`: DescribeDomain DefaultUserSettings.<app>AppSettings.AppLifecycleManagement.IdleSettings
 *   (API_DescribeDomain.html, API_JupyterLabAppSettings.html, API_CodeEditorAppSettings.html, API_AppLifecycleManagement.html).
 * Only JupyterLab and CodeEditor apps have these settings; other app types carry none.
 * Which level wins is the engine's business (src/engine/signals/studio-idle.ts), not the collector's.
 */
export const SageMakerStudioAppSchema = z.object({
  /** domainId/space-or-user/appType/appName: unique in a region. */
  id: z.string(),
  name: z.string(),
  accountId: z.string(),
  region: z.string(),
  domainId: z.string(),
  domainName: z.string().optional(),
  appType: z.string(),
  status: z.string(),
  spaceName: z.string().optional(),
  userProfileName: z.string().optional(),
  /** ResourceSpec.InstanceType: ml.* or `system` (the free instance of Studio Classic's default apps). */
  instanceType: z.string().optional(),
  creationTime: isoDate.optional(),
  space: z
    .object({
      ownerUserProfileName: z.string().optional(),
      sharingType: z.string().optional(),
      ebsVolumeSizeGb: z.number().nonnegative().optional(),
    })
    .optional(),
  idleSettings: z
    .object({
      space: level.optional(),
      userProfile: level.optional(),
      domainSpaceDefault: level.optional(),
      domainUserDefault: level.optional(),
    })
    .default({}),
  tags: tags.default({}),
});

/** App types whose idle shutdown Studio manages, and the settings object that holds it at every level. */
export const STUDIO_IDLE_SETTINGS_KEY = { JupyterLab: 'JupyterLabAppSettings', CodeEditor: 'CodeEditorAppSettings' } as const;

export type StudioIdleSetting = z.infer<typeof StudioIdleSettingSchema>;
export type SageMakerStudioApp = z.infer<typeof SageMakerStudioAppSchema>;
