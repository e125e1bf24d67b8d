/** The config folder's front door: what other folders may use. */
export * from './pure.js';
export { ConfigModule } from './config.module.js';
