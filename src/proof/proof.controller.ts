import { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../shared/index.js';
import { CurrentAuthor, Roles } from '../auth/index.js';
import { ChainHeads, LiveBlogIdPipe, LiveBlogNotFound } from '../live-blog/index.js';
import { parseCheckpoint, CheckpointSigner, KeySetResponse, SignedCheckpointResponse } from '../signing/index.js';
import { CheckpointArchive } from './checkpoint-archive.js';
import { CheckpointDto, CheckpointQueryDto, EvidenceQueryDto } from './proof.dto.js';
import { EvidenceBundleResponse, VerificationResponse } from './proof.responses.js';
import { ProofService } from './proof.service.js';
import type { Author } from '../kernel/index.js';

/** Public: the keys that sign checkpoints, so anyone can check one (DESIGN §4b). */
@ApiTags('proof')
@Controller('.well-known')
export class WellKnownKeysController {
  constructor(private readonly signer: CheckpointSigner) {}

  @Get('dateline-keys.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'The Ed25519 keys that sign checkpoints (a JSON Web Key Set; retired keys stay listed)',
    operationId: 'getCheckpointKeys',
  })
  @ApiOkResponse({ type: KeySetResponse })
  @ApiProblemResponses(429)
  keys() {
    return this.signer.published;
  }
}

/** Public: a story's signed checkpoint, newest or as stored at an instant. */
@ApiTags('proof')
@ApiProblemResponses(400, 404, 429)
@Controller('api/live-blogs')
export class CheckpointController {
  constructor(
    private readonly heads: ChainHeads,
    private readonly archive: CheckpointArchive,
  ) {}

  @Get(':id/checkpoint')
  @Header('Cache-Control', 'public, max-age=0, must-revalidate')
  @ApiOperation({
    summary: 'The signed head of the story (save it; `npm run audit -- verify --checkpoint` reads it)',
    operationId: 'getCheckpoint',
  })
  @ApiOkResponse({ type: SignedCheckpointResponse })
  async checkpoint(@Param('id', LiveBlogIdPipe) id: string, @Query() query: CheckpointQueryDto) {
    const checkpoint = this.heads.checkpoint(id);
    if (!checkpoint) throw new LiveBlogNotFound(id);
    if (query.at === undefined) return checkpoint;
    const stored = await this.archive.asOf(id, new Date(query.at));
    if (!stored) throw new NotFoundException(`no checkpoint of "${id}" was stored at or before ${query.at}`);
    return stored;
  }
}

/** Auditors: prove that history extends a saved checkpoint, and take the evidence away. */
@ApiTags('auditors')
@ApiBearerAuth()
@Roles('auditor')
@ApiProblemResponses(400, 404, 409, 429)
@Controller('api/live-blogs')
export class ProofController {
  constructor(private readonly proofs: ProofService) {}

  @Post(':id/checkpoint/verification')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Does history extend this checkpoint? {ok, verdict: extends|truncated|rewritten|altered|…, message}',
    operationId: 'verifyCheckpoint',
  })
  @ApiOkResponse({ type: VerificationResponse })
  verify(@Param('id', LiveBlogIdPipe) id: string, @Body() body: CheckpointDto) {
    return this.proofs.verify(id, parseCheckpoint({ ...body }));
  }

  @Get(':id/evidence')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'One self-contained, signed file of the story up to a revision (`npm run audit -- verify-bundle`)',
    operationId: 'getEvidenceBundle',
  })
  @ApiOkResponse({
    type: EvidenceBundleResponse,
    description: 'RFC 8785 canonical JSON, as an attachment; 409 when the chain does not verify',
  })
  async evidence(
    @Param('id', LiveBlogIdPipe) id: string,
    @Query() query: EvidenceQueryDto,
    @CurrentAuthor() auditor: Author,
  ) {
    const file = await this.proofs.evidence(id, query.revision, auditor);
    // Streamed as it is made: a long story's bundle is never held whole (src/proof/bundle-file.ts).
    return new StreamableFile(Readable.from(file.chunks), {
      type: 'application/json; charset=utf-8',
      disposition: `attachment; filename="${id}-r${file.revision}-evidence.json"`,
    });
  }
}
