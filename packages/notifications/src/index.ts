/**
 * Which email goes to whom and when (planning), what it says (the template language, rendering, ICS, signed links), account customization, and the replay.
 *
 * @module @rendezvous/notifications
 */
export * from './email/outgoing';
export * from './planning/email-to-send';
export * from './links/index';
export { invitationFor, carriesInvitation } from './ics/invitation';
export * from './templates/catalogue';
export type { TemplateError, TemplatePart } from './templates/errors';
export type { SourcePosition } from './templates/locate';
export type * from './templates/syntax';
export { parseTemplate, maxIfDepth } from './templates/parse';
export { compileTemplate, templateErrors, maxTemplateLength } from './templates/compile';
export type { CompiledTemplate, RenderMode, TemplateScope } from './templates/compile';
export { filterNames, type FilterName } from './templates/filters';
export { escapeHtml, subjectLine, maxSubjectLength } from './templates/escape';
export { htmlToText } from './templates/text';
export { createRenderer, defaultBranding } from './rendering/render';
export type { Renderer, RendererOptions, PreviewTemplate } from './rendering/render';
export { variablesForEmail, type Branding } from './rendering/variables';
export { sampleEmail } from './rendering/sample';
export { defaultTemplate, frameTemplate, hasDefaultTemplate, type TemplateSource } from './defaults/templates';
export { defaultPairs, type DefaultPair } from './defaults/copy';
export { defaultLanguageFor, defaultLanguages, type DefaultLanguage } from './defaults/language';
export { replay, replayLinkSecret, type ReplayOptions } from './replay/replay';
export type { ReplayedEmail } from './replay/output';
export type { ReplayError } from './replay/errors';
export { parseHistory } from './replay/parse';
export * from './account/pairs';
export * from './account/state';
export { evolveAccount } from './account/evolve';
export * from './account/commands';
export type * from './account/errors';
export { customizationLimits } from './account/limits';
export { decideAccount } from './account/decide';
export { accountDecider } from './account/decider';
export { checkAccountEvent } from './account/check';
export * from './account/overview';
export { customizationFor } from './account/customization-for';
export { checkBodyHtml } from './templates/html/check';
export * from './planning/options';
export { idempotencyKey, readIdempotencyKey, type KeyParts } from './planning/idempotency-key';
export type { Plan } from './planning/plan';
export { createPlanner, type Planner, type PlanningSession } from './planning/planner';
export type { PlannedEmailReport, ReportedState } from './planning/explain';
