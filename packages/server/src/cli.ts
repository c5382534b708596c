import { createRequire } from 'node:module';
import { Command } from 'commander';
import { adminCommand } from './cli/admin-command.js';
import { conformanceCommand } from './cli/conformance-command.js';
import { migrateCommand } from './cli/migrate-command.js';
import { provisionCommand } from './cli/provision-command.js';
import { startCommand } from './cli/start-command.js';
import { simulateCommand } from './simulator/simulate-command.js';

// The same path from src/ (tsx) and from dist/ (compiled).
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

const program = new Command('roster')
  .description('Roster: self-hostable SCIM 2.0 directory sync for B2B SaaS apps')
  .version(version, '-V, --version', "print Roster's version")
  .showHelpAfterError('(run with --help for usage)')
  .addCommand(startCommand())
  .addCommand(migrateCommand())
  .addCommand(conformanceCommand())
  .addCommand(simulateCommand())
  .addCommand(adminCommand())
  .addCommand(provisionCommand());

await program.parseAsync(process.argv);
