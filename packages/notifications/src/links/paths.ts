import type { LinkPurpose } from './token';

const suffixes: Record<LinkPurpose, string> = {
  entry: '',
  reschedule: '/reschedule',
  cancel: '/cancel',
  review: '/review',
  calendar: '/invite.ics',
};

/** The path of a link of `purpose` for a meeting. */
export function pathFor(purpose: LinkPurpose, meetingId: string): string {
  return `/m/${encodeURIComponent(meetingId)}${suffixes[purpose]}`;
}

/** Which purpose and meeting a path names, or undefined when it is none of ours. */
export function parsePath(pathname: string): { purpose: LinkPurpose; meetingId: string } | undefined {
  const match = /^\/m\/([^/]+)(\/[^/]+)?$/.exec(pathname);
  if (match === null || match[1] === undefined) return undefined;
  const suffix = match[2] ?? '';
  const purpose = (Object.keys(suffixes) as LinkPurpose[]).find((p) => suffixes[p] === suffix);
  if (purpose === undefined) return undefined;
  try {
    return { purpose, meetingId: decodeURIComponent(match[1]) };
  } catch {
    return undefined;
  }
}

/** The host part a token covers: lower case, port kept unless it is the https default. */
export function hostOf(hostname: string): string {
  try {
    return new URL(`https://${hostname}/`).host;
  } catch {
    return hostname.toLowerCase();
  }
}
