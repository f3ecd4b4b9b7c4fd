import type { AppProcess } from '../../e2e/support/app-process.ts';
import type { Comparison, LoadOptions, Measurement, Target } from './load.ts';
import type { MachineInfo } from './machine.ts';
import type { ServerProcess } from './server-process.ts';

/** Data a benchmark loads into the database before the app starts; its size goes into the result. */
export type DataSet = {
  description: string;
  /** Row counts (or other sizes) by name, e.g. `{ residents: 10_000, cases: 50_000 }`. */
  size: Record<string, number>;
  /** Fills the migrated, empty database. */
  load: (databaseUrl: string, log: (message: string) => void) => Promise<void>;
};

/** What the harness hands a benchmark's `run`. */
export type BenchContext = {
  name: string;
  machine: MachineInfo;
  load: LoadOptions;
  /** The app, started as `gastvrij start` with production settings, on the benchmark's database. */
  app: AppProcess;
  databaseUrl: string;
  log: (message: string) => void;
  /** Another app process on the same database with other settings (e.g. to find what a hook costs). */
  startApp: (env?: Record<string, string>) => Promise<AppProcess>;
  /** A helper server from a script (a baseline); stopped by the harness at the end. */
  startServer: (script: string, options?: { env?: Record<string, string>; readyPath?: string }) => Promise<ServerProcess>;
  /** Warm-up, then `load.rounds` measured runs of one target. */
  measure: (target: Target, load?: Partial<LoadOptions>) => Promise<Measurement>;
  /** Baseline and subject measured alternately (A B A B), after warming both. */
  compare: (baseline: Target, subject: Target, load?: Partial<LoadOptions>) => Promise<Comparison>;
};

/** A figure and the goal it is held to. */
export type Goal = { metric: string; value: number; min?: number; max?: number; met: boolean };

/** What a benchmark's `run` returns; the harness adds the machine, sizes and settings. */
export type BenchOutcome = {
  /** One paragraph for a person: what was measured, the headline ratio, whether the goal was met. */
  summary: string;
  comparison?: Comparison;
  goal?: Goal;
  details?: Record<string, unknown>;
};

/** A file `bench/<name>.bench.ts` exports these. */
export type BenchModule = {
  description: string;
  /** Settings for the app on top of the harness's production-like ones. */
  appEnv?: Record<string, string>;
  dataSet?: DataSet;
  run: (ctx: BenchContext) => Promise<BenchOutcome>;
};
