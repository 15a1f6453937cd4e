/**
 * Which email goes to whom and when (planning), what it says (the template language, rendering, ICS, signed links), the account decider with the template language's checks, and the replay.
 *
 * @module @rendezvous/notifications
 */
export type { EmailAttachment, CalendarInvite, OutgoingEmail } from './email/outgoing';
export type {
  Recipient, MeetingSnapshot, AccountSnapshot, EmailToSend,
} from './planning/email-to-send';
export {
  createLinks, profileLinkFor, type Links, type LinkOptions, verifyEntryLink, verifyLink,
  type LinkError, type VerifiedLink, type LinkPurpose,
} from './links/index';
export {
  variablesFor, type TemplateVariables, variableCatalogue, variableNames,
} from './templates/catalogue';
export type { TemplateError, TemplatePart } from './templates/errors';
export type { SourcePosition } from './templates/locate';
export { compileTemplate, templateErrors } from './templates/compile';
export type { CompiledTemplate, RenderMode, TemplateScope } from './templates/compile';
export { escapeHtml } from './templates/escape';
export { htmlToText } from './templates/text';
export { createRenderer } from './rendering/render';
export type { Renderer, RendererOptions, PreviewTemplate } from './rendering/render';
export { variablesForEmail, type Branding } from './rendering/variables';
export { sampleEmail } from './rendering/sample';
export { defaultTemplate, frameTemplate, type TemplateSource } from './defaults/templates';
export { defaultPairs, type DefaultPair } from './defaults/copy';
export { replay, replayLinkSecret, type ReplayOptions } from './replay/replay';
export type { ReplayedEmail } from './replay/output';
export type { ReplayError } from './replay/errors';
export { accountDecider, checkAccountEvent, checkCustomizationTemplates } from './account/decider';
export {
  notificationOverview, type PairOverview, type AudienceOverview, type NotificationOverview,
} from './account/overview';
export { checkBodyHtml } from './templates/html/check';
export { decodePlanningOptions, type PlanningOptions, defaultPlanningOptions } from './planning/options';
export { idempotencyKey, readIdempotencyKey, type KeyParts } from './planning/idempotency-key';
export { createPlanner, type Planner, type PlanningSession } from './planning/planner';
export type { PlannedEmailReport, ReportedState } from './planning/explain';
