import { Global, Module } from '@nestjs/common';
import { EngineSessions } from './engine-sessions.js';
import { RequestLimits } from './request-limits.js';

/**
 * Rate limits (DESIGN §6 "Limits"): the budgets the per-address hook (./address-limit.ts, placed
 * by src/http-pipeline.ts), the guard and the gateways spend.
 */
@Global()
@Module({ providers: [RequestLimits, EngineSessions], exports: [RequestLimits, EngineSessions] })
export class LimitsModule {}
