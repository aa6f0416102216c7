// JSON columns: written by us, but a hand-edited or damaged row must fail loudly and say where.
import { FollowthruError } from '../errors.js';

export const toJson = (value: unknown): string => JSON.stringify(value);

export function fromJson<T>(text: string, column: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new FollowthruError('ESTORE', `the column ${column} holds invalid JSON`, { cause: error });
  }
}

export function fromJsonOrNull<T>(text: string | null, column: string): T | null {
  return text === null ? null : fromJson<T>(text, column);
}
