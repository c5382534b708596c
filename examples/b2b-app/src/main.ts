import { ConnectionError } from '@roster/sdk';
import { startApp } from './app.js';
import { ConfigError, loadConfig, loadSettingsFile, rosterUrlFrom } from './config.js';

// `npm start -w b2b-app-example`: reads .env (written by `npm run setup`) under whatever the
// environment already sets, catches up from Roster's Events API, then serves.

loadSettingsFile();

try {
  const config = loadConfig();
  const app = await startApp(config);
  const { events, outcomes } = app.startupCatchUp;
  console.log(`Caught up from the Events API: ${events} events, ${outcomes.applied} applied.`);
  console.log(`Sample app listening on ${app.url}: users at ${app.url}/, webhooks at ${app.url}/webhooks/roster`);
  const stop = () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof ConnectionError) console.error(`The sample app could not reach Roster (${error.message}): is it running at ${rosterUrlFrom()}?`);
  else console.error(`The sample app could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
