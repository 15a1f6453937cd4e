import { createRequire } from 'node:module';

// Resolved from this file, so a peer installed beside @rendezvous/adapters is found. The ESM build
// defines __filename from import.meta.url (tsup's shims).
const requireHere = createRequire(__filename);

/** Loads an optional peer dependency, or throws a sentence that names the package to install. */
export function requirePeer<T>(peer: string, entryPoint: string): T {
  try {
    return requireHere(peer) as T;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // Only the peer itself missing; a peer that fails inside (or lacks one of its own dependencies) says so itself.
    if (code === 'MODULE_NOT_FOUND' && (error as Error).message.includes(`'${peer}'`)) {
      throw new Error(`${entryPoint} needs the package "${peer}", which is not installed: run npm install ${peer}`, { cause: error });
    }
    throw error;
  }
}
