/** The scheduling folder's front door. */
export { SCHEDULER, ScheduledPublisher } from './scheduled-publisher.js';
export { SchedulingModule } from './scheduling.module.js';
