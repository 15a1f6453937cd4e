/**
 * The pure model: the event catalogue with its io-ts codecs, the Meeting and UserProfile deciders, their rules and errors. No I/O, no clock, no randomness.
 *
 * @module @rendezvous/domain
 */
export * from './codec/decode';
export * from './codec/primitives';
export * from './events/people';
export * from './events/meeting';
export * from './events/user';
export * from './events/account';
export * from './events/catalogue';
export * from './events/streams';
export { upcast } from './events/upcast';
export * from './decider';
export * from './privacy/markers';
export * from './meeting/state';
export * from './user/profile';
export * from './meeting/commands';
export * from './meeting/errors';
export { evolveMeeting } from './meeting/evolve';
export { decideMeeting } from './meeting/decide';
export { checkMeetingEvent } from './meeting/check';
export { meetingDecider } from './meeting/decider';
export * from './meeting/status';
export * from './user/commands';
export * from './user/errors';
export * from './user/state';
export { decideUserProfile } from './user/decide';
export { userProfileDecider } from './user/decider';
export * from './events/delivery';
