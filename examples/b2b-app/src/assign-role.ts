import { loadSettingsFile, rosterUrlFrom } from './config.js';
import { rosterClient } from './roster-client.js';
import { assignRoleToGroup } from './setup-roster.js';

// `npm run assign-role -w b2b-app-example -- <group name> <role>`: maps a directory group to one
// of the app's roles through the management API (what an admin screen of the app would do).
// Roster then sends user_updated for each member whose roles changed.

loadSettingsFile();

const [groupName, roleName] = process.argv.slice(2);
const { ROSTER_CLIENT_ID, ROSTER_CLIENT_SECRET, ROSTER_ORGANIZATION_ID, ROSTER_DIRECTORY_ID } = process.env;
if (!groupName || !roleName) {
  console.error('Usage: npm run assign-role -w b2b-app-example -- <group name> <role>   e.g. -- Engineering admin');
  process.exit(1);
}
if (!ROSTER_CLIENT_ID || !ROSTER_CLIENT_SECRET || !ROSTER_ORGANIZATION_ID || !ROSTER_DIRECTORY_ID) {
  console.error('error: run `npm run setup -w b2b-app-example` first: it writes the organization, directory and API client to examples/b2b-app/.env');
  process.exit(1);
}
try {
  const roster = rosterClient({ rosterUrl: rosterUrlFrom(), clientId: ROSTER_CLIENT_ID, clientSecret: ROSTER_CLIENT_SECRET });
  const { groupId, users } = await assignRoleToGroup(roster, ROSTER_ORGANIZATION_ID, ROSTER_DIRECTORY_ID, groupName, roleName);
  console.log(`Group ${groupName} (${groupId}, ${users} users) now maps to the role ${roleName}.`);
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
