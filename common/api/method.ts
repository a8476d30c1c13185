import type { z } from 'zod';

/** One API method: what it does, and zod schemas for what goes in and what comes out. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  description: string;
  input: I;
  output: O;
  /** Methods that change stored data; browser mode and IPC treat both kinds the same, the CLI lists it. */
  mutates: boolean;
}

export function query<I extends z.ZodType, O extends z.ZodType>(description: string, input: I, output: O): MethodSpec<I, O> {
  return { description, input, output, mutates: false };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(description: string, input: I, output: O): MethodSpec<I, O> {
  return { description, input, output, mutates: true };
}
