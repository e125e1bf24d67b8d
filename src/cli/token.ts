import { parseArgs } from 'node:util';
import { JwtService } from '@nestjs/jwt';
import { jwtOptions, MAX_NAME_LENGTH, MAX_SUB_LENGTH } from '../auth/index.js';
import { loadConfig } from '../config/index.js';
import { slugOf } from '../live-blog/index.js';
import { DomainError, ROLES, type Role, text } from '../kernel/index.js';

const USAGE = `usage: npm run token -- --role ${ROLES.join('|')} --name "Rayhan Demytrie" [--sub <id>] [--expires 12h]`;

/**
 * Prints a bearer token signed with the same settings the server reads (DATA_DIR, AUTH_SECRET,
 * AUTH_ISSUER, AUTH_AUDIENCE), for no longer than it accepts (TOKEN_MAX_HOURS).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if (!ROLES.includes(values.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}\n${USAGE}`);
  if (!values.name?.trim()) throw new Error(`--name is required\n${USAGE}`);
  // The server refuses a token whose name or sub is not short, printable text: it is not signed either.
  const name = claimText(values.name, '--name', MAX_NAME_LENGTH);
  const sub = claimText(values.sub?.trim() || slugOf(name), '--sub', MAX_SUB_LENGTH);
  const config = loadConfig();
  if (config.auth.publicKey)
    throw new Error('the server verifies with AUTH_PUBLIC_KEY: tokens come from the key holder, not from here');
  const jwt = new JwtService(jwtOptions(config));
  const token = await jwt.signAsync({ sub, name, role: values.role }, { expiresIn: values.expires as never });
  const { iat, exp } = jwt.decode<{ iat: number; exp: number }>(token);
  const maxHours = config.tokens.maxLifetimeSeconds / 3600;
  if (exp - iat > config.tokens.maxLifetimeSeconds)
    throw new Error(`--expires may be at most ${maxHours}h: the server refuses longer-lived tokens (TOKEN_MAX_HOURS)`);
  process.stdout.write(`${token}\n`);
}

/** The rule every text a token carries keeps (src/kernel/text.ts), said in the option's name. */
function claimText(value: string, option: string, maxLength: number): string {
  try {
    return text(value, option, maxLength);
  } catch (error) {
    if (error instanceof DomainError) throw new Error(error.message);
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`token: ${(error as Error).message}\n`);
  process.exit(1);
});
