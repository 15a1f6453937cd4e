export type { DueIndex, DueMeeting } from './port';
export { createInMemoryDueIndex } from './memory';
export { meetingFactTypes } from './facts';
