import { ApiProperty } from '@nestjs/swagger';
import type { SameShape } from '../shared/index.js';
import type { ActivityItem } from './newsroom-activity.controller.js';

class ActivityAuthorResponse {
  @ApiProperty({ example: 'rayhan-demytrie' })
  id!: string;

  @ApiProperty({ example: 'Rayhan Demytrie' })
  name!: string;
}

class ActivityItemResponse implements ActivityItem {
  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty({ example: 'UpdatePosted' })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: ActivityAuthorResponse })
  author!: ActivityAuthorResponse;
}

/** Who wrote each event after a revision, oldest first (DESIGN §4, newsroom). */
export class ActivityResponse {
  @ApiProperty()
  liveBlogId!: string;

  @ApiProperty({ type: 'integer', minimum: -1 })
  afterRevision!: number;

  @ApiProperty({ type: [ActivityItemResponse] })
  events!: ActivityItemResponse[];
}

true satisfies SameShape<ActivityItemResponse, ActivityItem>;
