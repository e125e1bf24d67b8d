import { ApiProperty } from '@nestjs/swagger';
import { ACCOUNT_ROLES, type AccountSummary } from '../accounts/index.js';
import type { SameShape } from '../shared/index.js';

/** An account as an admin sees it (DESIGN §6a): never its password hash, never its session ids. */
export class AccountSummaryResponse implements AccountSummary {
  @ApiProperty({ example: 'ann' })
  username!: string;

  @ApiProperty({ example: 'Ann Editor' })
  displayName!: string;

  @ApiProperty({ enum: ACCOUNT_ROLES })
  role!: AccountSummary['role'];

  @ApiProperty({ enum: ['active', 'disabled'] })
  status!: 'active' | 'disabled';

  @ApiProperty({ format: 'date-time' })
  addedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  openSessions!: number;
}

true satisfies SameShape<AccountSummaryResponse, AccountSummary>;
