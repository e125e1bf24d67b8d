/** The newsroom folder's front door: what other folders may use. */
export { NewsroomModule } from './newsroom.module.js';
export { NEWSROOM_NAMESPACE } from './presence.gateway.js';
export {
  EditorsPayload,
  JoinedPayload,
  JoinRefusedPayload,
  JoinRequestPayload,
  SignedOutPayload,
} from './presence.payloads.js';
