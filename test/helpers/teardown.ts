/** Something a test starts in beforeAll: a server (stop) or an SDK client (destroy). */
type Started = { stop(): Promise<void> } | { destroy(): void };

/**
 * For afterAll: stops what beforeAll started, in order. A part is still unset when beforeAll
 * failed before reaching it, though its declared type cannot say so; that failure is the one to report.
 */
export async function stopAll(...parts: (Started | undefined)[]): Promise<void> {
  for (const part of parts) {
    if (part === undefined) continue;
    if ('stop' in part) await part.stop();
    else part.destroy();
  }
}
