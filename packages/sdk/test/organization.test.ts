import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadRequestError, ConflictError, NotFoundError } from '../src/index.js';
import { collect, describeEachStore, rejectsWith } from './support/sdk-server.js';

describeEachStore('SDK: roster.organization', (fixture) => {
  const roster = () => fixture.roster();

  test('create, get, get by external id, update, delete', async () => {
    const { organization } = await roster().organization.createOrganization('Acme Corporation', { externalId: 'acme-corp-123' });
    assert.match(organization.id, /^org_/);
    assert.equal(organization.display_name, 'Acme Corporation');
    assert.equal(organization.external_id, 'acme-corp-123');
    assert.deepEqual((await roster().organization.getOrganization(organization.id)).organization, organization);
    assert.equal((await roster().organization.getOrganizationByExternalId('acme-corp-123')).organization.id, organization.id);

    const renamed = await roster().organization.updateOrganization(organization.id, { displayName: 'Acme Corporation Ltd' });
    assert.equal(renamed.organization.display_name, 'Acme Corporation Ltd');
    assert.equal(renamed.organization.external_id, 'acme-corp-123', 'fields left out keep their value');
    const cleared = await roster().organization.updateOrganization(organization.id, { externalId: null });
    assert.equal(cleared.organization.external_id, null);

    // An external id with characters a path must escape still finds its organization.
    const { organization: spaced } = await roster().organization.createOrganization('Spaced', { externalId: 'tenant 42/eu' });
    assert.equal((await roster().organization.getOrganizationByExternalId('tenant 42/eu')).organization.id, spaced.id);

    await roster().organization.deleteOrganization(organization.id);
    const gone = await rejectsWith(roster().organization.getOrganization(organization.id), NotFoundError);
    assert.equal(gone.status, 404);
    assert.equal(gone.code, 'not_found');
    assert.equal(gone.kind, 'not_found');
    await rejectsWith(roster().organization.deleteOrganization(organization.id), NotFoundError);
    await rejectsWith(roster().organization.getOrganizationByExternalId('acme-corp-123'), NotFoundError);
  });

  test('bad input is a BadRequestError naming the parameter; a taken external id is a ConflictError', async () => {
    const empty = await rejectsWith(roster().organization.createOrganization('  '), BadRequestError);
    assert.equal(empty.status, 400);
    assert.equal(empty.parameter, 'display_name');
    assert.equal(empty.code, 'invalid_argument');
    assert.match(empty.message, /display_name/);

    assert.equal((await rejectsWith(roster().organization.listOrganizations({ pageSize: 0 }), BadRequestError)).parameter, 'page_size');
    assert.equal((await rejectsWith(roster().organization.listOrganizations({ pageToken: 'not-a-token' }), BadRequestError)).parameter, 'page_token');

    await roster().organization.createOrganization('First', { externalId: 'taken' });
    const taken = await rejectsWith(roster().organization.createOrganization('Second', { externalId: 'taken' }), ConflictError);
    assert.equal(taken.status, 409);
    assert.equal(taken.kind, 'conflict');
  });

  test('settings switch features; an unknown feature is refused by name', async () => {
    const { organization } = await roster().organization.createOrganization('Settings');
    const enabled = await roster().organization.updateOrganizationSettings(organization.id, { features: [{ name: 'scim', enabled: true }] });
    assert.ok(enabled.organization.settings.features.some((feature) => feature.name === 'scim' && feature.enabled));
    const disabled = await roster().organization.updateOrganizationSettings(organization.id, { features: [{ name: 'scim', enabled: false }] });
    assert.ok(!disabled.organization.settings.features.some((feature) => feature.name === 'scim' && feature.enabled));

    // A JavaScript caller can send any name; the server names what it refused.
    const features = [{ name: 'sso', enabled: true }] as unknown as { name: 'scim'; enabled: boolean }[];
    const refused = await rejectsWith(roster().organization.updateOrganizationSettings(organization.id, { features }), BadRequestError);
    assert.equal(refused.parameter, 'features.0.name');
    await rejectsWith(roster().organization.updateOrganizationSettings('org_unknown', { features: [{ name: 'scim', enabled: true }] }), NotFoundError);
  });

  test('lists page with tokens; the iterator walks every page once', async () => {
    for (let index = 0; index < 5; index++) await roster().organization.createOrganization(`Paged ${index}`);
    const first = await roster().organization.listOrganizations({ pageSize: 2 });
    assert.equal(first.organizations.length, 2);
    assert.notEqual(first.next_page_token, '');
    const second = await roster().organization.listOrganizations({ pageSize: 2, pageToken: first.next_page_token });
    assert.notDeepEqual(second.organizations.map((organization) => organization.id), first.organizations.map((organization) => organization.id));
    assert.deepEqual((await roster().organization.listOrganization({ pageSize: 2 })).organizations, first.organizations, "Scalekit's spelling");

    const all = await collect(roster().organization.iterateOrganizations({ pageSize: 2 }));
    assert.equal(all.length, first.total_size);
    assert.equal(new Set(all.map((organization) => organization.id)).size, all.length, 'each once');
    assert.ok(['Paged 0', 'Paged 4'].every((name) => all.some((organization) => organization.display_name === name)));
  });

  test('portal links: generate, list, revoke', async () => {
    const { organization } = await roster().organization.createOrganization('Portal');
    const link = await roster().organization.generatePortalLink(organization.id);
    assert.match(link.id, /^plink_/);
    assert.ok(link.location.startsWith(fixture.server().baseUrl), link.location);
    const hours = (Date.parse(link.expire_time) - Date.now()) / 3_600_000;
    assert.ok(hours > 23 && hours <= 24, `expires in ${hours} hours`);

    const soon = new Date(Date.now() + 3_600_000);
    const short = await roster().organization.generatePortalLink(organization.id, { expireTime: soon });
    assert.ok(Math.abs(Date.parse(short.expire_time) - soon.getTime()) < 1_000);

    const listed = await roster().organization.listPortalLinks(organization.id);
    assert.deepEqual(listed.links.map((summary) => summary.id).sort(), [link.id, short.id].sort());
    await roster().organization.revokePortalLink(organization.id, link.id);
    assert.deepEqual((await roster().organization.listPortalLinks(organization.id)).links.map((summary) => summary.id), [short.id]);
    await rejectsWith(roster().organization.revokePortalLink(organization.id, link.id), NotFoundError);

    const tooLate = new Date(Date.now() + 8 * 86_400_000);
    assert.equal((await rejectsWith(roster().organization.generatePortalLink(organization.id, { expireTime: tooLate }), BadRequestError)).parameter, 'expire_time');
    await rejectsWith(roster().organization.generatePortalLink('org_unknown'), NotFoundError);

    // Another organization's link is not found through this one.
    const { organization: other } = await roster().organization.createOrganization('Other');
    await rejectsWith(roster().organization.revokePortalLink(other.id, short.id), NotFoundError);
  });
});
