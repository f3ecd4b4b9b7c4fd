import os from 'node:os';

/** What the figures were measured on; every result JSON carries it. */
export type MachineInfo = {
  cpuModel: string;
  cpus: number;
  memoryGiB: number;
  node: string;
  platform: string;
  kernel: string;
  /** 1-minute load average when the run started: a busy machine explains a slow run. */
  loadAverage1m: number;
};

export const machineInfo = (): MachineInfo => ({
  cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
  cpus: os.availableParallelism(),
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${os.platform()}-${os.arch()}`,
  kernel: os.release(),
  loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
});
