/**
 * Given/when/then for any decider, and sample commands on one shared timeline: for test suites, never for production code.
 *
 * @module @rendezvous/domain/testing
 */
// @rendezvous/domain/testing: for test suites, never for production code.
export { forDecider, SpecificationFailure } from './spec';
export type { DeciderSpec, Differ, ErrorTypeOf, Given, Outcome, SpecOptions } from './spec';
export { canonicalJson, jsonDiff } from './diff';
export * from './meeting-samples';
