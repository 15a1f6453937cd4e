import { catchUpJob } from './catchup/job';
import { catchUpProbe } from './catchup/probe';
import { commandsJob } from './commands/job';
import { deliveryJob } from './delivery/job';
import { footprintProbe } from './delivery/footprint';
import { startupProbe } from './delivery/startup';
import { dispatchJob } from './dispatch/job';
import { dueJob } from './due/job';
import { renderingJob } from './rendering/job';
import { replayJob } from './replay/job';

/** Every job a child process can run, by name. */
export const jobs = {
  replay: replayJob,
  rendering: renderingJob,
  commands: commandsJob,
  due: dueJob,
  catchup: catchUpJob,
  catchupProbe: catchUpProbe,
  dispatch: dispatchJob,
  delivery: deliveryJob,
  deliveryStartup: startupProbe,
  deliveryFootprint: footprintProbe,
} as const;

/** The name of a job. */
export type JobName = keyof typeof jobs;
