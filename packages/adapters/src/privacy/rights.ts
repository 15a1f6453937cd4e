import type { KeyStore } from './keys';
import { subjectId, type DataSubject } from './subjects';

// The data subject's rights that act on keys rather than on events: the history stays as it is.

/** Erasure: destroys the subject's key, so their personal data reads back as markers everywhere. */
export async function eraseSubject(keyStore: KeyStore, subject: DataSubject): Promise<void> {
  await keyStore.destroy(subjectId(subject));
}

/** Restriction: records that nothing more may be sent to or done with the subject's data. */
export async function restrictProcessing(keyStore: KeyStore, subject: DataSubject): Promise<void> {
  await keyStore.restrict(subjectId(subject));
}

/** Lifts a restriction of processing. */
export async function liftProcessingRestriction(keyStore: KeyStore, subject: DataSubject): Promise<void> {
  await keyStore.liftRestriction(subjectId(subject));
}

/** True while the subject's processing is restricted: a dispatcher asks before every email. */
export async function isProcessingRestricted(keyStore: KeyStore, subject: DataSubject): Promise<boolean> {
  return keyStore.isRestricted(subjectId(subject));
}
