/** The newsroom folder's front door: what other folders may use. */
export { NewsroomModule } from './newsroom.module.js';
