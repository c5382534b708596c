import type { AppUser } from './directory-tables.js';
import type { SyncCounts } from './sync-state.js';

// The one page of the app: the provisioned users with their roles, by organization and
// directory. It reloads itself every few seconds so a simulator run can be watched.

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character);

const badges = (names: string[], kind: string): string => names.map((name) => `<span class="${kind}">${escape(name)}</span>`).join(' ') || '<span class="none">none</span>';

function userRow(user: AppUser): string {
  return `<tr class="${user.active ? '' : 'inactive'}">
  <td>${escape(user.name ?? '')}</td>
  <td>${escape(user.email ?? user.username)}</td>
  <td>${user.active ? 'active' : 'deactivated'}</td>
  <td>${badges(user.roles, 'role')}</td>
  <td>${badges(user.groups, 'group')}</td>
</tr>`;
}

function directorySection(key: string, users: AppUser[]): string {
  const [organizationId, directoryId] = key.split('/');
  const active = users.filter((user) => user.active).length;
  return `<section>
<h2>${escape(organizationId ?? '')} <small>directory ${escape(directoryId ?? '')}: ${users.length} users, ${active} active</small></h2>
<table>
<thead><tr><th>Name</th><th>Email</th><th>Status</th><th>Roles</th><th>Groups</th></tr></thead>
<tbody>
${users.map(userRow).join('\n')}
</tbody>
</table>
</section>`;
}

export function renderUsersPage(users: AppUser[], sync: SyncCounts): string {
  const byDirectory = new Map<string, AppUser[]>();
  for (const user of users) {
    const key = `${user.organization_id}/${user.directory_id}`;
    byDirectory.set(key, [...(byDirectory.get(key) ?? []), user]);
  }
  const sources = Object.entries(sync.bySource)
    .map(([source, count]) => `${count} via ${escape(source)}`)
    .join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="3">
<title>Example B2B app: users from Roster</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1f2328; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
  th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
  tr.inactive td { color: #8c959f; }
  .role, .group { display: inline-block; border-radius: 1rem; padding: 0 .5rem; margin: 1px; }
  .role { background: #dafbe1; } .group { background: #ddf4ff; } .none { color: #8c959f; }
  small, footer { color: #656d76; font-weight: normal; }
</style>
</head>
<body>
<h1>Users provisioned through Roster</h1>
${byDirectory.size === 0 ? '<p>No users yet. Run the simulator (see the README) and watch them appear.</p>' : [...byDirectory].map(([key, list]) => directorySection(key, list)).join('\n')}
<footer>Events applied: ${sources || 'none yet'}. Events API cursor: <code>${escape(sync.cursor || '(start)')}</code></footer>
</body>
</html>`;
}
