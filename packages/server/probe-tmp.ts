import { startTestServer } from '/work/main/packages/server/test/support/test-server.js';
import { provisionDirectory, http } from '/work/main/packages/server/test/support/api-client.js';
const s = await startTestServer({ store: 'embedded' });
const d = await provisionDirectory(s.baseUrl, s.clientId, s.clientSecret);
const r = await http('POST', `${d.scim}/Users`, { token: d.token, body: {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'Bench.User.1@Example.com', externalId: 'ext-0001',
  name: { givenName: 'Bench', familyName: 'User1' }, displayName: 'Bench User1', active: true,
  emails: [{ value: 'Bench.User.1@Example.com', type: 'work', primary: true }] } });
console.log(r.status, r.text);
const g = await http('POST', `${d.scim}/Groups`, { token: d.token, body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'G1' } });
console.log(g.status, g.text);
const rows = await s.server.services.db.pool.query('select * from directory_users');
console.log(JSON.stringify(rows.rows, null, 1));
console.log(JSON.stringify((await s.server.services.db.pool.query('select * from directory_groups')).rows));
console.log(JSON.stringify((await s.server.services.db.pool.query('select * from directory_counters')).rows));
console.log(JSON.stringify((await s.server.services.db.pool.query('select * from organizations')).rows));
console.log(JSON.stringify((await s.server.services.db.pool.query('select * from directories')).rows));
await s.close();
