import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../shared/index.js';
import { CurrentAuthor, Roles } from './roles.js';
import { AccountCommands, type AccountSummary } from '../accounts/index.js';
import { AddAccountDto, ResetPasswordDto } from './account.dto.js';
import { AccountSummaryResponse } from './accounts.responses.js';
import type { Author } from '../kernel/index.js';

/** Admins manage accounts here as `npm run user` does; disabling or a new password ends the account's sessions. */
@ApiTags('accounts')
@ApiBearerAuth()
@Roles('admin')
@ApiProblemResponses(400, 429)
@Controller('api/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountCommands) {}

  @Get()
  @ApiOperation({ summary: 'List the accounts', operationId: 'listAccounts' })
  @ApiOkResponse({ type: [AccountSummaryResponse] })
  list(): Promise<AccountSummary[]> {
    return this.accounts.list();
  }

  @Post()
  @ApiOperation({ summary: 'Add an account', operationId: 'addAccount' })
  @ApiCreatedResponse({ type: AccountSummaryResponse })
  @ApiProblemResponses(409)
  add(@Body() dto: AddAccountDto, @CurrentAuthor() admin: Author): Promise<AccountSummary> {
    return this.accounts.add(dto, admin);
  }

  @Post(':username/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account and end its sessions', operationId: 'disableAccount' })
  @ApiOkResponse({ type: AccountSummaryResponse })
  @ApiProblemResponses(404, 409)
  disable(@Param('username') username: string, @CurrentAuthor() admin: Author): Promise<AccountSummary> {
    return this.accounts.disable(username, admin);
  }

  @Post(':username/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account', operationId: 'enableAccount' })
  @ApiOkResponse({ type: AccountSummaryResponse })
  @ApiProblemResponses(404, 409)
  enable(@Param('username') username: string, @CurrentAuthor() admin: Author): Promise<AccountSummary> {
    return this.accounts.enable(username, admin);
  }

  @Put(':username/password')
  @ApiOperation({ summary: 'Set a new password and end the account’s sessions', operationId: 'resetPassword' })
  @ApiOkResponse({ type: AccountSummaryResponse })
  @ApiProblemResponses(404)
  reset(
    @Param('username') username: string,
    @Body() dto: ResetPasswordDto,
    @CurrentAuthor() admin: Author,
  ): Promise<AccountSummary> {
    return this.accounts.resetPassword(username, dto.password, admin);
  }
}
