import { access } from 'node:fs/promises';

/** True when the path can be accessed; used to pick up default files (config, budget) when present. */
export async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
