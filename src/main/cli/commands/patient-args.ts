import { UsageError } from '../command';

export function parseAge(value: unknown): number {
  const age = Number(value);
  if (typeof value !== 'string' || !/^\d{1,3}$/.test(value) || age > 124) throw new UsageError(`--age must be a whole number of years from 0 to 124, not "${String(value)}"`);
  return age;
}

export function parseSex(value: unknown): 'F' | 'M' {
  const v = String(value).toUpperCase();
  if (v !== 'F' && v !== 'M') throw new UsageError(`--sex must be F or M, not "${String(value)}"`);
  return v;
}
