import { ApiProperty } from '@nestjs/swagger';
import type { SameShape } from '../shared/index.js';
import type { ConnectRefused } from './socket-connect-limit.js';

/** What a `connect_error` refused by SOCKET_CONNECT_RATE_LIMIT carries in `data` (/asyncapi.json). */
export class ConnectRefusedPayload implements ConnectRefused {
  @ApiProperty({ enum: ['rate_limited'] })
  code!: 'rate_limited';

  @ApiProperty({ type: 'integer', minimum: 1, description: 'connect again after this long (with jitter)' })
  retryAfterSeconds!: number;
}

true satisfies SameShape<ConnectRefusedPayload, ConnectRefused>;
