import { createPublicKey, createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule, type JwtModuleOptions } from '@nestjs/jwt';
import { AccountsModule } from '../accounts/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { AccountsController } from './accounts.controller.js';
import { AuthGuard } from './auth.guard.js';
import { SessionAuthenticator } from './session-authenticator.js';
import { SessionTokens } from './session-tokens.js';
import { resolveSigningKey } from './signing-key.js';
import { apiSignOptions, apiVerifyOptions } from './token-policy.js';

/**
 * Keys are handed over as KeyObjects: given a string, the JWT library first tries it as a public
 * key, fails, and builds a secret key on every request (docs/performance.md, P1's profile).
 */
export function jwtOptions(config: AppConfig): JwtModuleOptions {
  const key = resolveSigningKey(config);
  const verify = apiVerifyOptions(config.tokens);
  return key.kind === 'secret'
    ? {
        secret: createSecretKey(Buffer.from(key.secret)),
        signOptions: { ...apiSignOptions(config.tokens), algorithm: 'HS256' },
        verifyOptions: { ...verify, algorithms: ['HS256'] },
      }
    : { publicKey: createPublicKey(key.publicKey), verifyOptions: { ...verify, algorithms: ['RS256', 'ES256'] } };
}

@Module({
  imports: [JwtModule.registerAsync({ inject: [APP_CONFIG], useFactory: jwtOptions }), AccountsModule],
  controllers: [AccountsController],
  // The guard is made here, with the keys; src/http-pipeline.ts makes it the app's global guard.
  providers: [SessionTokens, SessionAuthenticator, AuthGuard],
  exports: [SessionTokens, SessionAuthenticator, AccountsModule, AuthGuard],
})
export class AuthModule {}
