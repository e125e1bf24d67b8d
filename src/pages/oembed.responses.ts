import { ApiProperty } from '@nestjs/swagger';
import type { SameShape } from '../shared/index.js';
import type { oEmbedAnswer } from './oembed.js';

type OEmbedAnswer = ReturnType<typeof oEmbedAnswer>;

/** An oEmbed 1.0 `rich` answer (oembed.com §2.3): a frame of the story's embed. */
export class OEmbedResponse implements OEmbedAnswer {
  @ApiProperty({ enum: ['1.0'] })
  version!: '1.0';

  @ApiProperty({ enum: ['rich'] })
  type!: 'rich';

  @ApiProperty({ description: 'an iframe of /embed/:id' })
  html!: string;

  @ApiProperty({ type: 'integer', maximum: 600 })
  width!: number;

  @ApiProperty({ type: 'integer', maximum: 800 })
  height!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ['Dateline'] })
  provider_name!: 'Dateline';

  @ApiProperty({ format: 'uri' })
  provider_url!: `${string}/`;

  @ApiProperty({ enum: [300], type: 'integer' })
  cache_age!: 300;
}

true satisfies SameShape<OEmbedResponse, OEmbedAnswer>;
