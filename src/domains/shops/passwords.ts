import { hash, verify } from '@node-rs/argon2';
import { appError, issue } from '../../kernel/errors.ts';

// argon2id (Algorithm.Argon2id = 2) with OWASP's minimum: 19 MiB, 2 iterations, 1 lane.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < 8) {
    throw appError('VALIDATION_FAILED', 'password.tooShort', undefined, {
      issues: [issue(field, 'password.tooShortIssue')],
    });
  }
}
