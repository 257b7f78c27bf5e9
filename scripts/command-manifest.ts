import { Plugin, type Interfaces } from '@oclif/core';

/**
 * The manifest oclif would build by importing every command under dist/commands, built the way the
 * `oclif manifest` command does it (through @oclif/core's own Plugin, without the `oclif` package).
 */
export async function loadCommandManifest(root: string): Promise<Interfaces.Manifest> {
  const plugin = new Plugin({ root, type: 'core', isRoot: true, ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true });
  await plugin.load();
  return plugin.manifest;
}
