import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane), through a maintained native
 * binding. The hash string carries its own salt and parameters, so stronger settings later
 * still verify the hashes made now.
 */
// The binding's `Algorithm` is a const enum that only tsc inlines (SWC and plain JS see an empty object).
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let decoy: Promise<string> | undefined;

/**
 * True when the password matches. Without a hash (no such user) the password is still checked
 * against a decoy, so a wrong user name takes as long to refuse as a wrong password.
 */
export async function passwordMatches(passwordHash: string | undefined, password: string): Promise<boolean> {
  decoy ??= hashPassword('decoy password that no account has');
  const matches = await verify(passwordHash ?? (await decoy), password);
  return passwordHash !== undefined && matches;
}
