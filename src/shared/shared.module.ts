import { Module, type DynamicModule } from '@nestjs/common';
import { Metrics } from './metrics.js';
import { CLOCK, systemClock, type Clock } from '../kernel/index.js';

@Module({})
export class SharedModule {
  /** Metrics and the clock, for every module; `clock` replaces the system's (tests pin "now" with it). */
  static forRoot(clock: Clock = systemClock): DynamicModule {
    return {
      module: SharedModule,
      global: true,
      providers: [Metrics, { provide: CLOCK, useValue: clock }],
      exports: [Metrics, CLOCK],
    };
  }
}
