export { createLinks, profileLinkFor } from './links';
export type { Links, LinkOptions } from './links';
export { verifyEntryLink, verifyLink } from './verify';
export type { LinkError, VerifiedLink } from './verify';
export type { LinkPurpose } from './token';
