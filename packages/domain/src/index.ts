/**
 * The pure model: the event catalogue with its io-ts codecs, the Meeting, UserProfile and Account deciders, their rules and errors. No I/O, no clock, no randomness.
 *
 * @module @rendezvous/domain
 */
export { decode, type DecodeProblem, type DecodeError } from './codec/decode';
export {
  isEmailAddress, normalizeInstant, toMillis, fromMillis, NonEmptyText, Name, Line, Id, Email,
  TimeZone, Locale, Instant, Minutes, Rating, Url, Hostname,
} from './codec/primitives';
export { Location, Host, Guest, Actor } from './events/people';
export {
  MeetingType, MeetingScheduledData, MeetingRescheduledData, MeetingReassignedData,
  GuestInvitedData, MeetingCancelledData, MeetingStartedData, MeetingEndedData, WrapUpNoteLeftData,
  MeetingReviewedData, meetingEventData,
} from './events/meeting';
export { UserProfileUpdatedData } from './events/user';
export {
  Audience, NotificationId, notificationIds, Attachment, BrandingConfiguredData,
  NotificationCustomizedData, NotificationEnabledData, NotificationDisabledData,
} from './events/account';
export {
  isDeliveryEvent, decodeEvent, encodeEvent, type EventType, type EventData, type DomainEvent,
  type EventOf, type MeetingEvent, type UserEvent, type AccountEvent, type DeliveryEvent,
  eventTypes, currentSchemaVersion,
} from './events/catalogue';
export { streamOf, meetingStream, userStream, accountStream } from './events/streams';
export { upcast } from './events/upcast';
export { fold, type Decider } from './decider';
export { erasedEmail, isErasedEmail, erasedText, erasedUrl } from './privacy/markers';
export {
  type MeetingPhase, type ExistingMeeting, type MeetingState, initialMeetingState,
} from './meeting/state';
export { applyProfileUpdate, type ProfileUpdate } from './user/profile';
export {
  decodeMeetingCommand, ScheduleMeeting, RescheduleMeeting, ReassignMeeting, InviteGuest,
  CancelMeeting, StartMeeting, EndMeeting, LeaveWrapUpNote, ReviewMeeting, type MeetingCommand,
  type MeetingCommandType,
} from './meeting/commands';
export {
  meetingMissed, type MeetingNotFound, type MeetingAlreadyScheduled, type MeetingIdMismatch,
  type StartNotInFuture, type StartUnchanged, type MeetingMissed, type MeetingNotPlanned,
  type MeetingNotLive, type MeetingNotEnded, type SameHost, type GuestAlreadyInvited,
  type DuplicateGuestId, type WrapUpAlreadyLeft, type NotAGuest, type AlreadyReviewed,
  type InvalidCommand, type MeetingError, type MeetingErrorType,
} from './meeting/errors';
export { evolveMeeting } from './meeting/evolve';
export { decideMeeting } from './meeting/decide';
export { checkMeetingEvent } from './meeting/check';
export { meetingDecider } from './meeting/decider';
export { missedAt, meetingStatus, type MeetingStatus } from './meeting/status';
export { decodeUserProfileCommand, UpdateUserProfile, type UserProfileCommand } from './user/commands';
export type { InvalidProfileUpdate, NothingToChange, UserIdMismatch, UserProfileError } from './user/errors';
export { evolveUserProfile, type ProfileFields, type UserProfileState } from './user/state';
export { decideUserProfile } from './user/decide';
export { userProfileDecider } from './user/decider';
export type {
  ConfigureBranding, CustomizeNotification, EnableNotification, DisableNotification, AccountCommand,
} from './account/commands';
export {
  initialAccountState, pairSettings, type AccountState, type AccountBranding, type PairSettings,
  type Customization,
} from './account/state';
export { audiences, pairExists, notificationPairs, audienceNoun, type NotificationPair } from './account/pairs';
export type { AccountError, AccountMismatch, CustomizationTooLarge, UnknownNotificationPair } from './account/errors';
export { evolveAccount } from './account/evolve';
export { decideAccountWith, type CustomizationCheck } from './account/decide';
export { accountDeciderWith } from './account/decider';
export { checkAccountEventWith } from './account/check';
export { customizationFor } from './account/customization-for';
export {
  IdempotencyKey, DispatcherId, Attempt, FailureReason, MessageId, SkipCause, EmailClaimedData,
  EmailSentData, EmailFailedData, EmailSkippedData, deliveryStream,
} from './events/delivery';
