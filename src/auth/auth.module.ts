import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule, type JwtModuleOptions } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuthGuard } from './auth.guard.js';
import { resolveSigningKey } from './signing-key.js';

export function jwtOptions(config: AppConfig): JwtModuleOptions {
  const key = resolveSigningKey(config);
  return key.kind === 'secret'
    ? { secret: key.secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }
    : { publicKey: key.publicKey, verifyOptions: { algorithms: ['RS256', 'ES256'] } };
}

@Module({
  imports: [JwtModule.registerAsync({ inject: [APP_CONFIG], useFactory: jwtOptions })],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
