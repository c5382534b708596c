import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loggableBody, loggableUrl } from './outbound-log.js';

test('credentials in query strings and userinfo never reach the log', () => {
  const cases: [string, string][] = [
    ['https://admin.googleapis.com/admin/directory/v1/users?customer=my_customer&pageToken=abc', 'https://admin.googleapis.com/admin/directory/v1/users?customer=my_customer&pageToken=abc'],
    ['https://x.test/path?key=AIzaSecret&maxResults=500', 'https://x.test/path?key=%5BREDACTED%5D&maxResults=500'],
    ['https://x.test/cb?code=4/0Aabc&state=s3cret', 'https://x.test/cb?code=%5BREDACTED%5D&state=%5BREDACTED%5D'],
    ['https://apikey:x@api.bamboohr.com/api/gateway.php/acme/v1/employees/directory', 'https://api.bamboohr.com/api/gateway.php/acme/v1/employees/directory'],
    ['not a url', 'not a url'],
  ];
  for (const [url, expected] of cases) assert.equal(loggableUrl(url), expected);
});

test('token requests and responses are logged without their secrets', () => {
  const form = 'grant_type=refresh_token&refresh_token=1%2F%2Fsecret&client_id=abc.apps&client_secret=GOCSPX-secret';
  assert.deepEqual(loggableBody(form, 'application/x-www-form-urlencoded'), {
    grant_type: 'refresh_token',
    refresh_token: '[REDACTED]',
    client_id: 'abc.apps',
    client_secret: '[REDACTED]',
  });
  const jwt = 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=eyJhbGciOi.x.y';
  assert.deepEqual(loggableBody(jwt, null), { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: '[REDACTED]' });
  const token = JSON.stringify({ access_token: 'ya29.secret', refresh_token: '1//r', id_token: 'e.y.j', expires_in: 3599, token_type: 'Bearer' });
  assert.deepEqual(loggableBody(token, 'application/json'), { access_token: '[REDACTED]', refresh_token: '[REDACTED]', id_token: '[REDACTED]', expires_in: 3599, token_type: 'Bearer' });
  const serviceAccount = JSON.stringify({ type: 'service_account', private_key: '-----BEGIN PRIVATE KEY-----', private_key_id: 'abc', client_email: 'sa@p.iam.gserviceaccount.com' });
  assert.deepEqual(loggableBody(serviceAccount, 'application/json'), { type: 'service_account', private_key: '[REDACTED]', private_key_id: '[REDACTED]', client_email: 'sa@p.iam.gserviceaccount.com' });
});

test('list pages are logged as counts and ids', () => {
  const page = JSON.stringify({ kind: 'admin#directory#users', nextPageToken: 'n1', users: [{ id: '1', primaryEmail: 'a@x.test' }, { id: '2', primaryEmail: 'b@x.test' }] });
  assert.deepEqual(loggableBody(page, 'application/json'), { kind: 'admin#directory#users', nextPageToken: 'n1', users_count: 2, users_ids: ['1', '2'] });
  const employees = JSON.stringify({ fields: [{ id: 'firstName' }], employees: [{ id: '7', firstName: 'Ada' }] });
  assert.deepEqual(loggableBody(employees, 'application/json'), { fields: [{ id: 'firstName' }], employees_count: 1, employees_ids: ['7'] });
});

test('error bodies are kept; huge or empty bodies are not', () => {
  const error = JSON.stringify({ error: { code: 403, message: 'Not Authorized to access this resource/api', errors: [{ reason: 'forbidden' }] } });
  assert.deepEqual(loggableBody(error, 'application/json'), JSON.parse(error));
  assert.equal(loggableBody('', 'application/json'), undefined);
  assert.equal(loggableBody(undefined, null), undefined);
  assert.deepEqual(loggableBody(JSON.stringify({ blob: 'x'.repeat(70_000) }), 'application/json'), { truncated: true, bytes: 70_011 });
  assert.equal(loggableBody('plain text error', 'text/plain'), 'plain text error');
});
