/** The scheduling folder's front door. */
export { SchedulingModule } from './scheduling.module.js';
