import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAuthor, Roles } from './roles.js';
import { AccountCommands, type AccountSummary } from '../accounts/index.js';
import { AddAccountDto, ResetPasswordDto } from './account.dto.js';
import type { Author } from '../kernel/index.js';

/** Admins manage accounts here as `npm run user` does; disabling or a new password ends the account's sessions. */
@ApiTags('accounts')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountCommands) {}

  @Get()
  @ApiOperation({ summary: 'List the accounts' })
  list(): Promise<AccountSummary[]> {
    return this.accounts.list();
  }

  @Post()
  @ApiOperation({ summary: 'Add an account' })
  add(@Body() dto: AddAccountDto, @CurrentAuthor() admin: Author): Promise<AccountSummary> {
    return this.accounts.add(dto, admin);
  }

  @Post(':username/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account and end its sessions' })
  disable(@Param('username') username: string, @CurrentAuthor() admin: Author): Promise<AccountSummary> {
    return this.accounts.disable(username, admin);
  }

  @Post(':username/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account' })
  enable(@Param('username') username: string, @CurrentAuthor() admin: Author): Promise<AccountSummary> {
    return this.accounts.enable(username, admin);
  }

  @Put(':username/password')
  @ApiOperation({ summary: 'Set a new password and end the account’s sessions' })
  reset(
    @Param('username') username: string,
    @Body() dto: ResetPasswordDto,
    @CurrentAuthor() admin: Author,
  ): Promise<AccountSummary> {
    return this.accounts.resetPassword(username, dto.password, admin);
  }
}
