export type { DueIndex, DueMeeting } from './port';
export { createInMemoryDueIndex } from './memory';
export { createPostgresDueIndex, type PostgresDueIndex, type PostgresDueIndexOptions } from './postgres';
export { meetingFactTypes } from './facts';
