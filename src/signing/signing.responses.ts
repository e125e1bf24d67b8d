import { ApiProperty } from '@nestjs/swagger';
import type { SameShape } from '../shared/index.js';
import { CHECKPOINT_FORMAT, type SignedCheckpoint } from './checkpoint.js';
import type { KeySet, PublishedKey } from './keyring.js';

/** A signed checkpoint (DESIGN §4b), as the API, the change feed and every push carry it. */
export class SignedCheckpointResponse implements SignedCheckpoint {
  @ApiProperty({ enum: [CHECKPOINT_FORMAT] })
  format!: typeof CHECKPOINT_FORMAT;

  @ApiProperty({ description: "the signing key's id: its RFC 7638 JWK thumbprint" })
  keyId!: string;

  @ApiProperty({ description: "the store's epoch" })
  storeEpoch!: string;

  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  liveBlogId!: string;

  @ApiProperty({ type: 'integer', description: 'the revision whose stored hash it signs' })
  revision!: number;

  @ApiProperty({ description: 'the stored hash of the event at `revision`: sha256, lower-case hex' })
  hash!: string;

  @ApiProperty({ format: 'date-time', description: 'when the server signed it (its clock)' })
  at!: string;

  @ApiProperty({ description: 'Ed25519 over the RFC 8785 canonical JSON of the other members, base64url' })
  signature!: string;
}

class PublishedKeyResponse implements PublishedKey {
  @ApiProperty({ enum: ['OKP'] })
  kty!: 'OKP';

  @ApiProperty({ enum: ['Ed25519'] })
  crv!: 'Ed25519';

  @ApiProperty({ description: 'the public key, base64url' })
  x!: string;

  @ApiProperty({ description: 'its RFC 7638 thumbprint: the `keyId` of what it signs' })
  kid!: string;

  @ApiProperty({ enum: ['sig'] })
  use!: 'sig';

  @ApiProperty({ enum: ['EdDSA'] })
  alg!: 'EdDSA';

  @ApiProperty({ enum: ['current', 'retired'], description: 'retired keys stay listed: what they signed verifies' })
  status!: 'current' | 'retired';
}

/** A JSON Web Key Set of the keys that sign checkpoints. */
export class KeySetResponse implements KeySet {
  @ApiProperty({ type: [PublishedKeyResponse] })
  readonly keys!: readonly PublishedKeyResponse[];
}

true satisfies SameShape<SignedCheckpointResponse, SignedCheckpoint>;
true satisfies SameShape<KeySetResponse, KeySet>;
