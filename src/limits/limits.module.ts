import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { addressLimit } from './address-limit.js';
import { RequestLimits } from './request-limits.js';

interface HookHost {
  addHook(name: 'onRequest', hook: ReturnType<typeof addressLimit>): void;
}

/** Rate limits (DESIGN §6 "Limits"): the per-address hook on every request, and the budgets the guard and gateway spend. */
@Global()
@Module({ providers: [RequestLimits], exports: [RequestLimits] })
export class LimitsModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly limits: RequestLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.limits.requestsPerAddress === 0) return;
    const instance = this.adapterHost.httpAdapter.getInstance() as Partial<HookHost>;
    // Fastify serves; Express is kept for benchmarks only and runs without the per-address limit.
    instance.addHook?.('onRequest', addressLimit(this.limits, this.config.trustedProxies));
  }
}
