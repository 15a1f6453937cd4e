import { subjectId, type KeyStore } from '@rendezvous/adapters';

/**
 * The dispatcher asks this before every email. Restricted people get nothing more; erased ones
 * neither: the dispatcher's plan was built before the erasure and may still hold their address.
 */
export function suppressionOf(keyStore: KeyStore): (email: string) => Promise<string | undefined> {
  return async (email) => {
    const subject = subjectId({ email });
    if (await keyStore.isRestricted(subject)) return 'the recipient restricted the processing of their data';
    if (await keyStore.isDestroyed(subject)) return "the recipient's personal data was erased";
    return undefined;
  };
}
