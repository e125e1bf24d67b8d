import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuthorResponse, CHAIN_PROBLEMS, RecordedEventResponse, RedactionFindingResponse } from '../audit/index.js';
import { ArticleViewResponse } from '../live-blog/index.js';
import type { SameShape } from '../shared/index.js';
import { KeySetResponse, SignedCheckpointResponse } from '../signing/index.js';
import { BUNDLE_FORMAT, type EvidenceBundle, type Seal, type SealDigests } from './evidence-bundle.js';
import type { ExtensionReport, ExtensionVerdict } from './extension.js';

/* Proof answers as /docs-json describes them (DESIGN §4b), each the same shape as the server's type. */

const VERDICTS: readonly ExtensionVerdict[] = [
  'extends',
  'truncated',
  'rewritten',
  'altered',
  'signature_invalid',
  'unknown_key',
  'other_store',
  'other_story',
];

export class VerificationResponse implements ExtensionReport {
  @ApiProperty({ description: 'true only for `extends`' })
  ok!: boolean;

  @ApiProperty({ enum: VERDICTS })
  verdict!: ExtensionVerdict;

  @ApiProperty({ type: 'integer', description: 'the revision the checkpoint signed' })
  checkpointRevision!: number;

  @ApiPropertyOptional({ type: 'integer', description: 'where the finding is' })
  revision?: number;

  @ApiPropertyOptional({ enum: CHAIN_PROBLEMS })
  problem?: (typeof CHAIN_PROBLEMS)[number];

  @ApiProperty({ type: 'integer', description: 'stored events read' })
  checked!: number;

  @ApiPropertyOptional({ type: 'integer', description: 'the last revision the store holds now' })
  head?: number;

  @ApiPropertyOptional({ type: [RedactionFindingResponse] })
  redactions?: readonly RedactionFindingResponse[];

  @ApiProperty({ example: 'history extends the checkpoint: the same hash at revision 39' })
  message!: string;
}

class SealDigestsResponse implements SealDigests {
  @ApiProperty({ description: 'sha256 hex of the header' })
  header!: string;

  @ApiProperty()
  checkpoint!: string;

  @ApiProperty()
  keys!: string;

  @ApiProperty()
  page!: string;

  @ApiProperty({ type: [String], description: 'one per event' })
  events!: readonly string[];
}

class SealResponse implements Seal {
  @ApiProperty()
  keyId!: string;

  @ApiProperty({ type: SealDigestsResponse })
  digests!: SealDigestsResponse;

  @ApiProperty({ description: 'Ed25519 over the digests, base64url' })
  signature!: string;
}

/** One self-contained, signed file of a story up to a revision (RFC 8785 canonical JSON). */
export class EvidenceBundleResponse implements EvidenceBundle {
  @ApiProperty({ enum: [BUNDLE_FORMAT] })
  format!: typeof BUNDLE_FORMAT;

  @ApiProperty()
  liveBlogId!: string;

  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty()
  storeEpoch!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: AuthorResponse })
  createdBy!: AuthorResponse;

  @ApiProperty({ type: SignedCheckpointResponse })
  checkpoint!: SignedCheckpointResponse;

  @ApiProperty({ type: KeySetResponse })
  keys!: KeySetResponse;

  @ApiProperty({ type: [RecordedEventResponse], description: 'the stored events 0…revision: the chain' })
  events!: readonly RecordedEventResponse[];

  @ApiProperty({ type: ArticleViewResponse, description: "the readers' article as it stood at the revision" })
  page!: ArticleViewResponse;

  @ApiProperty({ type: SealResponse })
  seal!: SealResponse;
}

true satisfies SameShape<VerificationResponse, ExtensionReport>;
true satisfies SameShape<EvidenceBundleResponse, EvidenceBundle>;
