import { Inject, Injectable } from '@nestjs/common';
import { CLUSTER_STATE, type ClusterState, type RateLimit } from '../cluster/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { type Author, RateLimited } from '../kernel/index.js';

const MINUTE = 60;
/**
 * Requests with a bad bearer token (wrong signature, expired, foreign, malformed) one client
 * address may make per minute before they answer 429 instead of 401. Only refused tokens count,
 * so good ones from the same address (a newsroom behind one NAT) are never held up by them.
 */
const BAD_TOKENS_PER_ADDRESS = 60;

/** A budget that is off (its setting is 0) lets everything through. */
const UNLIMITED: Pick<RateLimit, 'take'> = { take: async () => 0 };

/**
 * The HTTP and socket budgets of DESIGN §6 "Limits", kept in the cluster state: shared by every
 * node where the deployment shares it (PostgreSQL), per node otherwise.
 */
@Injectable()
export class RequestLimits {
  private readonly writes: Pick<RateLimit, 'take'>;
  private readonly requests: Pick<RateLimit, 'take'>;
  private readonly connects: Pick<RateLimit, 'take'>;
  private readonly badTokens: Pick<RateLimit, 'take'>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(CLUSTER_STATE) cluster: ClusterState) {
    const perMinute = (name: string, points: number) =>
      points > 0 ? cluster.rateLimit(name, { points, durationSeconds: MINUTE }) : UNLIMITED;
    this.writes = perMinute('writes-author', config.limits.writesPerAuthor);
    this.requests = perMinute('requests-address', config.limits.requestsPerAddress);
    this.connects = perMinute('connects-address', config.limits.socketConnectsPerAddress);
    this.badTokens = perMinute('bad-tokens-address', BAD_TOKENS_PER_ADDRESS);
  }

  /** One write by this author (WRITE_RATE_LIMIT), or RateLimited. */
  async write(author: Author): Promise<void> {
    const wait = await this.writes.take(author.id);
    if (wait > 0) throw new RateLimited(`too many writes by ${author.id}; retry in ${wait} s (WRITE_RATE_LIMIT)`, wait);
  }

  /** Seconds this address must wait before its next request (READ_RATE_LIMIT), 0 to go ahead. */
  request(address: string): Promise<number> {
    return this.requests.take(address);
  }

  /** Seconds this address must wait before its next new socket (SOCKET_CONNECT_RATE_LIMIT), 0 to go ahead. */
  connect(address: string): Promise<number> {
    return this.connects.take(address);
  }

  /** Counts a refused bearer token; throws RateLimited once the address has sent too many. */
  async badToken(address: string): Promise<void> {
    const wait = await this.badTokens.take(address);
    if (wait > 0)
      throw new RateLimited(`too many requests with a bad token from your address; retry in ${wait} s`, wait);
  }
}
