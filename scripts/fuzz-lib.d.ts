/** Types of scripts/fuzz-lib.js, for test/fuzz.test.ts. */
export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}
export interface Seed {
  name: string;
  text: string;
}
export interface FuzzInput {
  name: string;
  text: string;
  token: string;
  seed: string;
  mutations: string[];
}
export interface FuzzFailure {
  input: FuzzInput;
  reason: string;
}
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}
export function random(seed: number): Rng;
export function plantedToken(rng: Rng): string;
export function seedFiles(repoRoot: string): Seed[];
export function makeInput(seeds: readonly Seed[], rng: Rng, index: number): FuzzInput;
export function checkBatch(
  inputs: readonly FuzzInput[],
  tools: { runCli(argv: string[], options: { cwd: string }): Promise<CliResult>; syntaxErrors(kind: "py" | "ts", text: string): number | null },
): Promise<FuzzFailure[]>;
export function describeFailure(failure: FuzzFailure): string;
