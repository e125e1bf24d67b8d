import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '../../src/config/config.js';
import { apiSignOptions } from '../../src/auth/token-policy.js';

export interface TokenClaims {
  readonly sub: string;
  readonly name: string;
  readonly role: 'editor' | 'contributor' | 'auditor' | 'admin';
}

/** The default issuer and audience, as a server with no AUTH_ISSUER / AUTH_AUDIENCE expects them. */
const DEFAULT_TOKENS = loadConfig({}).tokens;

/** A bearer token as `npm run token` signs it (issuer, audience, iat, exp), for tests and benchmarks. */
export function signToken(secret: string, claims: TokenClaims, expiresIn: `${number}h` = '12h'): string {
  return new JwtService({ secret }).sign({ ...claims }, { ...apiSignOptions(DEFAULT_TOKENS), expiresIn });
}
