export { createCommandService, type CommandService, type CommandServiceOptions, type HandleOptions } from './service';
export type { CommandResult } from './result';
