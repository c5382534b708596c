import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPatch } from '../patch/apply-patch.js';
import { GROUP_RESOURCE, USER_RESOURCE } from '../schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA, PATCH_OP_SCHEMA, USER_SCHEMA } from '../schema/urns.js';
import { normalizeResource } from './normalize-resource.js';
import { parseAttributeList, projectAttributes } from './project-attributes.js';

// Bodies as JSON.parse makes them: `__proto__` becomes an own key, which a careless
// `target[key] = value` would turn into a write to Object.prototype.
const parsed = (json: string): unknown => JSON.parse(json);
const patch = (operations: string) => parsed(`{"schemas":["${PATCH_OP_SCHEMA}"],"Operations":${operations}}`);

const hostileBodies: unknown[] = [
  parsed('{"userName":"u","__proto__":{"polluted":"yes"}}'),
  parsed('{"userName":"u","__PROTO__":{"polluted":"yes"}}'),
  parsed('{"userName":"u","emails":[{"value":"a","__proto__":{"polluted":"yes"}}]}'),
  parsed(`{"userName":"u","${ENTERPRISE_USER_SCHEMA}":{"__proto__":{"polluted":"yes"}}}`),
  parsed('{"userName":"u","urn:acme:ext:1.0:User":{"constructor":{"prototype":{"polluted":"yes"}}}}'),
  parsed('{"userName":"u","name":{"constructor":{"prototype":{"polluted":"yes"}}}}'),
  parsed('{"displayName":"g","members":[{"value":"x","__proto__":{"polluted":"yes"}}]}'),
];

const hostilePatches: unknown[] = [
  patch('[{"op":"add","path":"__proto__","value":{"polluted":"yes"}}]'),
  patch('[{"op":"add","path":"__proto__.polluted","value":"yes"}]'),
  patch('[{"op":"add","path":"constructor.prototype","value":{"polluted":"yes"}}]'),
  patch('[{"op":"add","path":"name.__proto__","value":{"polluted":"yes"}}]'),
  patch('[{"op":"add","path":"emails[type eq \\"work\\"].__proto__","value":{"polluted":"yes"}}]'),
  patch('[{"op":"add","path":"emails[__proto__ eq \\"x\\"].value","value":"yes"}]'),
  patch('[{"op":"add","path":"urn:acme:ext:1.0:User:__proto__","value":{"polluted":"yes"}}]'),
  patch('[{"op":"add","value":{"__proto__":{"polluted":"yes"}}}]'),
  patch('[{"op":"add","value":{"__proto__.polluted":"yes"}}]'),
  patch('[{"op":"replace","value":{"name":{"__proto__":{"polluted":"yes"}}}}]'),
  patch('[{"op":"add","path":"emails","value":[{"value":"a","__proto__":{"polluted":"yes"}}]}]'),
  patch(`[{"op":"add","path":"${ENTERPRISE_USER_SCHEMA}","value":{"__proto__":{"polluted":"yes"}}}]`),
  parsed(`{"schemas":["${PATCH_OP_SCHEMA}"],"__proto__":{"polluted":"yes"},"Operations":[{"op":"add","path":"title","value":"x"}]}`),
  parsed(`{"schemas":["${PATCH_OP_SCHEMA}"],"Operations":[{"op":"add","path":"title","value":"x","__proto__":{"polluted":"yes"}}]}`),
];

describe('hostile input never touches Object.prototype', () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  const stored = { schemas: [USER_SCHEMA, 'urn:acme:ext:1.0:User'], userName: 'u', emails: [{ value: 'a', type: 'work' }], 'urn:acme:ext:1.0:User': {} };

  it('every hostile POST/PUT body is refused with 400 invalidSyntax', () => {
    for (const body of hostileBodies) {
      const result = normalizeResource(body && typeof body === 'object' && 'displayName' in body ? GROUP_RESOURCE : USER_RESOURCE, body);
      assert.equal(result.ok, false, JSON.stringify(body));
      if (!result.ok) assert.equal(result.error.scimType, 'invalidSyntax');
    }
  });

  it('every hostile PATCH is refused with a 400', () => {
    for (const body of hostilePatches) {
      const result = applyPatch(USER_RESOURCE, stored, body);
      assert.equal(result.ok, false, JSON.stringify(body));
      if (!result.ok) assert.equal(result.error.status, 400);
    }
  });

  it('projection with hostile attribute names selects nothing, excludes nothing and does not pollute', () => {
    const names = parseAttributeList('__proto__,constructor.prototype,emails[__proto__ eq "x"],urn:acme:ext:1.0:User:__proto__');
    const resource = { ...stored, id: '1' };
    // Only what is returned "always" survives a selection of names that select nothing.
    const selected = projectAttributes(USER_RESOURCE, resource, { attributes: names });
    assert.deepEqual(selected, { schemas: stored.schemas, id: '1' });
    assert.equal(Object.getPrototypeOf(selected), Object.prototype);
    // Excluding them leaves the default projection as it was.
    const excluded = projectAttributes(USER_RESOURCE, resource, { excludedAttributes: names });
    assert.deepEqual(excluded, projectAttributes(USER_RESOURCE, resource, {}));
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
  });

  it('Object.prototype is unchanged afterwards', () => {
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
