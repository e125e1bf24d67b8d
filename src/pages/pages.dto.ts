import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** `/live/:id?before=N`: the page of updates posted before revision N (the no-script "Older updates" link). */
export class OlderPageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'before must be a whole number from 1' })
  @Min(1, { message: 'before must be a whole number from 1' })
  before?: number;
}
