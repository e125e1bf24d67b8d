import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { EVENT_STORE, type EventStore } from '../event-store/index.js';
import { ProjectionRunner } from '../live-blog/index.js';

type StoreState = { readonly status: 'up' } | { readonly status: 'down'; readonly message: string };

/**
 * Three probes: `/health/live` (the process answers: restart it when not), `/health/ready` (it
 * serves reads: its views are loaded; keep it in rotation even while the store is down, and read
 * the store's state in the body), and `/health` (the store answers: 503 when it does not).
 */
// For load balancers and probes (DESIGN §8), not for API clients: left out of /docs-json like /metrics.
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.storeAnswers()]);
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** 200 whenever this node answers at all: its views were loaded before it took its first request. */
  @Get('ready')
  async ready() {
    const { projectedPosition, projectedCheckpoint } = this.projections;
    const store = await this.storeState();
    return { status: 'ok', store, epoch: this.store.epoch, projectedPosition, projectedCheckpoint };
  }

  private async storeAnswers() {
    const indicator = this.indicators.check('eventStore');
    const state = await this.storeState();
    if (state.status === 'down') return indicator.down({ message: state.message });
    const { projectedPosition, projectedCheckpoint } = this.projections;
    return indicator.up({ epoch: this.store.epoch, projectedPosition, projectedCheckpoint });
  }

  /** The store's answer to a ping, or "down" once STORE_TIMEOUT_MS has passed without one. */
  private async storeState(): Promise<StoreState> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.config.storeTimeoutMs} ms`)),
        this.config.storeTimeoutMs,
      );
    });
    try {
      await Promise.race([this.store.ping(), deadline]);
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', message: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}
