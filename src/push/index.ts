/** The push folder's front door: what other folders may use. */
export { PushModule } from './push.module.js';
