// The simulator's public surface: the CLI command, the programmatic run (benchmarks, tests),
// and the stand-alone verify.
export { simulateCommand } from './simulate-command.js';
export { runSimulation, verifyState, SimulationAbortedError, type SimulationOptions, type SimulationSummary, type ScenarioSummary, type VerifySummary } from './run-simulation.js';
export { formatSummary } from './format-summary.js';
export { PROVIDER_NAMES, type ProviderName } from './providers/index.js';
export { SCENARIO_NAMES, type ScenarioName } from './scenarios.js';
export type { DirectoryState, SimGroup, SimUser } from './directory-state.js';
export type { Difference } from './verify.js';
