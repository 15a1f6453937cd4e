export type { DueIndex, DueMeeting, DueWatch } from './port';
export { createInMemoryDueIndex } from './memory';
export { meetingFactTypes } from './facts';
