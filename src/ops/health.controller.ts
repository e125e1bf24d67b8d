import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '../event-store/index.js';
import { ProjectionRunner } from '../live-blog/index.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.storeAnswers()]);
  }

  private async storeAnswers() {
    const indicator = this.indicators.check('eventStore');
    try {
      await this.store.ping();
      const { projectedPosition, projectedCheckpoint } = this.projections;
      return indicator.up({ epoch: this.store.epoch, projectedPosition, projectedCheckpoint });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
