import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse as libraryParse } from 'scim2-parse-filter';
import { GROUP_RESOURCE, resolvePath, USER_RESOURCE, type ResolvedPath, type ResourceType } from '../schema/resource-types.js';
import type { FilterNode } from './filter-node.js';
import { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, parseFilter, parseValuePathFilter } from './parse-filter.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const pathText = (path: ResolvedPath) =>
  `${path.extension ? `${path.extension}:` : ''}${path.attribute}${path.subAttribute ? `.${path.subAttribute}` : ''}`;

/** A compact rendering of the tree, so each case fits on one line. */
function show(node: FilterNode): string {
  switch (node.kind) {
    case 'compare':
      return `${node.operator}(${pathText(node.path)},${JSON.stringify(node.value)})`;
    case 'present':
      return `pr(${pathText(node.path)})`;
    case 'and':
    case 'or':
      return `${node.kind}(${node.children.map(show).join(', ')})`;
    case 'not':
      return `not(${show(node.child)})`;
    case 'valuePath':
      return `${pathText(node.path)}[${show(node.filter)}]`;
  }
}

const nested = (levels: number) => `${'not ('.repeat(levels)}userName eq "x"${')'.repeat(levels)}`;

const valid: Array<[string, string, ResourceType?]> = [
  // RFC 7644 section 3.4.2.2's examples
  ['userName eq "bjensen"', 'eq(userName,"bjensen")'],
  ['name.familyName co "O\'Malley"', 'co(name.familyName,"O\'Malley")'],
  ['userName sw "J"', 'sw(userName,"J")'],
  ['urn:ietf:params:scim:schemas:core:2.0:User:name.familyName sw "J"', 'sw(name.familyName,"J")'],
  ['title pr', 'pr(title)'],
  ['meta.lastModified gt "2011-05-13T04:42:34Z"', 'gt(meta.lastModified,"2011-05-13T04:42:34Z")'],
  ['meta.lastModified ge "2011-05-13T04:42:34Z"', 'ge(meta.lastModified,"2011-05-13T04:42:34Z")'],
  ['meta.lastModified lt "2011-05-13T04:42:34Z"', 'lt(meta.lastModified,"2011-05-13T04:42:34Z")'],
  ['meta.lastModified le "2011-05-13T04:42:34Z"', 'le(meta.lastModified,"2011-05-13T04:42:34Z")'],
  ['title pr and userType eq "Employee"', 'and(pr(title), eq(userType,"Employee"))'],
  ['title pr or userType eq "Intern"', 'or(pr(title), eq(userType,"Intern"))'],
  [
    'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
    'and(eq(userType,"Employee"), or(co(emails.value,"example.com"), co(emails.value,"example.org")))',
  ],
  [
    'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
    'and(ne(userType,"Employee"), not(or(co(emails.value,"example.com"), co(emails.value,"example.org"))))',
  ],
  ['userType eq "Employee" and (emails.type eq "work")', 'and(eq(userType,"Employee"), eq(emails.type,"work"))'],
  [
    'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
    'and(eq(userType,"Employee"), emails[and(eq(emails.type,"work"), co(emails.value,"@example.com"))])',
  ],
  [
    'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    'or(emails[and(eq(emails.type,"work"), co(emails.value,"@example.com"))], ims[and(eq(ims.type,"xmpp"), co(ims.value,"@foo.com"))])',
  ],
  // Entra: a sub-attribute after a value path tests the same element
  ['emails[type eq "work"].value eq "x@example.com"', 'emails[and(eq(emails.type,"work"), eq(emails.value,"x@example.com"))]'],
  ['emails[type eq "work"].value co "x"', 'emails[and(eq(emails.type,"work"), co(emails.value,"x"))]'],
  ['emails[type eq "work" or primary eq true].value eq "x"', 'emails[and(or(eq(emails.type,"work"), eq(emails.primary,true)), eq(emails.value,"x"))]'],
  ['emails[type eq "work"].value pr and userName eq "y"', 'and(emails[and(eq(emails.type,"work"), pr(emails.value))], eq(userName,"y"))'],
  [
    'emails[type eq "work"].value eq "x" or emails[type eq "home"].value eq "y"',
    'or(emails[and(eq(emails.type,"work"), eq(emails.value,"x"))], emails[and(eq(emails.type,"home"), eq(emails.value,"y"))])',
  ],
  [`${ENTERPRISE}:manager[value eq "m1"]`, `${ENTERPRISE}:manager[eq(${ENTERPRISE}:manager.value,"m1")]`],
  ['addresses[type eq "work"].streetAddress eq "1 Main St"', 'addresses[and(eq(addresses.type,"work"), eq(addresses.streetAddress,"1 Main St"))]'],
  // URNs and case-insensitive names
  [`${ENTERPRISE}:employeeNumber eq "7"`, `eq(${ENTERPRISE}:employeeNumber,"7")`],
  [`${ENTERPRISE.toUpperCase()}:EMPLOYEENUMBER eq "7"`, `eq(${ENTERPRISE}:employeeNumber,"7")`],
  [`${ENTERPRISE}:manager.value eq "m1"`, `eq(${ENTERPRISE}:manager.value,"m1")`],
  ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x"', 'eq(userName,"x")'],
  // An unqualified extension attribute (RFC 7644 3.10) and the dotted URN form Entra's samples write
  ['manager.value eq "m1"', `eq(${ENTERPRISE}:manager.value,"m1")`],
  ['employeeNumber eq "7"', `eq(${ENTERPRISE}:employeeNumber,"7")`],
  [`${ENTERPRISE}.manager.value eq "m1"`, `eq(${ENTERPRISE}:manager.value,"m1")`],
  ['UserName EQ "x" AND active Eq false', 'and(eq(userName,"x"), eq(active,false))'],
  ['DisplayName eq "Sales"', 'eq(displayName,"Sales")', GROUP_RESOURCE],
  ['urn:example:ext:1.0:User:costCode eq 42', 'eq(urn:example:ext:1.0:User:costCode,42)'],
  // Microsoft's docs and test collection send unquoted values
  ['externalId eq jyoung', 'eq(externalId,"jyoung")'],
  [
    'name.FamilyName eq Employee and (emails.Value co example.com or emails.Value co example.org)',
    'and(eq(name.familyName,"Employee"), or(co(emails.value,"example.com"), co(emails.value,"example.org")))',
  ],
  ['meta.Created gt 2015-10-10T14:38:21.8617979-07:00', 'gt(meta.created,"2015-10-10T14:38:21.8617979-07:00")'],
  ['externalId eq 1234567890123456789012', 'eq(externalId,"1234567890123456789012")'],
  ['userName eq jyoung@example.com', 'eq(userName,"jyoung@example.com")'],
  // Values typed by the attribute's definition
  ['active eq true', 'eq(active,true)'],
  ['active eq "False"', 'eq(active,false)'],
  ['active eq True', 'eq(active,true)'],
  ['emails[primary eq "true"]', 'emails[eq(emails.primary,true)]'],
  ['meta.created ge "2015-10-10"', 'ge(meta.created,"2015-10-10T00:00:00Z")'],
  ['meta.created lt "2015-10-10T14:38:21"', 'lt(meta.created,"2015-10-10T14:38:21Z")'],
  ['title eq null', 'not(pr(title))'],
  ['title ne null', 'pr(title)'],
  // JSON string escapes; an unknown escape keeps its backslash
  ['userName eq "a\\"b\\\\c\\u00e9"', 'eq(userName,"a\\"b\\\\cé")'],
  ['userName eq "CN=Doe\\, John"', 'eq(userName,"CN=Doe\\\\, John")'],
  // Grammar
  ['title eq "a" or nickName eq "b" and locale eq "c"', 'or(eq(title,"a"), and(eq(nickName,"b"), eq(locale,"c")))'],
  ['not (title pr) and nickName pr', 'and(not(pr(title)), pr(nickName))'],
  ['((userName eq "x"))', 'eq(userName,"x")'],
  ['userName eq "x" and (userName eq "y" and userName eq "z")', 'and(eq(userName,"x"), eq(userName,"y"), eq(userName,"z"))'],
  ['name pr', 'pr(name)'],
  ['emails pr', 'pr(emails)'],
  ['emails[value eq "x"]', 'emails[eq(emails.value,"x")]'],
  ['members[value eq "u1"]', 'members[eq(members.value,"u1")]', GROUP_RESOURCE],
  ['members.value eq "u1"', 'eq(members.value,"u1")', GROUP_RESOURCE],
  ['id eq "diruser_1" and meta.resourceType eq "User"', 'and(eq(id,"diruser_1"), eq(meta.resourceType,"User"))'],
  [nested(MAX_FILTER_DEPTH), `${'not('.repeat(MAX_FILTER_DEPTH)}eq(userName,"x")${')'.repeat(MAX_FILTER_DEPTH)}`],
];

const invalid: Array<[string, RegExp, ResourceType?]> = [
  ['', /empty/],
  ['   ', /empty/],
  [`userName eq "${'x'.repeat(MAX_FILTER_LENGTH)}"`, /characters long; at most 2048/],
  [nested(MAX_FILTER_DEPTH + 1), /nests 17 levels/],
  ['userName eq "x', /never closed/],
  ['userName eq', /"userName eq" must be followed by a value/],
  ['userName eq "x" )', /Unexpected "\)" after a complete filter/],
  ['(userName eq "x"', /ends before its expression is complete/],
  ['userName "x"', /not valid/],
  ['userName zz "x"', /not valid/],
  ['userName eq "x" and', /ends before its expression is complete/],
  ['emails[type eq "work"', /ends before its expression is complete/],
  ['userName pr "x"', /Unexpected "x" after a complete filter/],
  ['emails[type eq "work"] eq "x"', /Unexpected "eq"/],
  ['foo eq "x"', /"foo", which a User does not have/],
  ['name.foo eq "x"', /"name.foo", which a User does not have/],
  ['userName eq "x"', /"userName", which a Group does not have/, GROUP_RESOURCE],
  ['urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq "x"', /a User does not use schema urn:ietf:params:scim:schemas:core:2.0:Group/],
  ['password eq "secret"', /"password" is never returned/],
  ['name eq "x"', /"name" is a complex attribute/],
  ['name gt "x"', /"name" is a complex attribute/],
  ['active gt true', /"active" is a boolean attribute; "gt" does not apply/],
  ['active co "t"', /"active" is a boolean attribute; "co" does not apply/],
  ['active eq "yes"', /"active" is a boolean attribute: compare it with true or false, not "yes"/],
  ['active eq 1', /boolean attribute/],
  ['meta.created gt "yesterday"', /"meta.created" is a dateTime attribute: "yesterday" is not an ISO 8601/],
  ['meta.created gt "2015-13-01T00:00:00Z"', /dateTime attribute/],
  ['meta.created gt "2015-02-30"', /dateTime attribute/],
  ['meta.created gt 5', /dateTime attribute/],
  ['meta.created co "2015"', /"co" compares strings, but "meta.created" is a dateTime/],
  ['title eq true', /write the value in quotes/],
  ['title gt null', /only eq and ne can compare with null/],
  ['emails[type eq "work"].value', /After "\]\." the filter must name a sub-attribute and an operator/],
  ['emails[type eq "work"].value zz "x"', /"zz" after "\]\.value" is not a SCIM operator/],
  ['emails[value eq "x" and ims[type eq "y"]]', /value filters cannot be nested/],
  ['emails[foo eq "x"]', /"emails" has no sub-attribute "foo"/],
  ['emails[emails.type eq "x"]', /must be the name of one of its sub-attributes/],
  ['userName[value eq "x"]', /"userName" is not a complex attribute/],
  ['userName eq "\\u0000"', /NUL/],
  // The library reads this `not` as an infix operator; it used to crash the conversion (a 500).
  ['userName eq "a" not userName co "b"', /"not" must come before a parenthesized expression/],
  ['urn:example:ext:1.0:User:level gt 1e400', /out of range/],
];

describe('parseFilter', () => {
  for (const [text, expected, resourceType = USER_RESOURCE] of valid) {
    test(`${resourceType.name}: ${text.length > 100 ? `${text.slice(0, 100)}...` : text}`, () => {
      const result = parseFilter(resourceType, text);
      assert.ok(result.ok, result.ok ? '' : result.error.detail);
      assert.equal(show(result.value), expected);
    });
  }

  for (const [text, detail, resourceType = USER_RESOURCE] of invalid) {
    test(`${resourceType.name} rejects: ${text.length > 100 ? `${text.slice(0, 100)}...` : JSON.stringify(text)}`, () => {
      const result = parseFilter(resourceType, text);
      assert.ok(!result.ok, `expected a 400, got ${result.ok ? show(result.value) : ''}`);
      assert.equal(result.error.status, 400);
      assert.equal(result.error.scimType, 'invalidFilter');
      assert.match(result.error.detail, detail);
    });
  }

  test('Entra: emails[type eq "work"].value co "x" tests one element, where the library alone would test two', () => {
    const filter = 'emails[type eq "work"].value co "x"';
    // The library's own reading: the work email exists AND some (possibly other) email contains x.
    assert.equal(libraryParse(filter).op, 'and');
    const result = parseFilter(USER_RESOURCE, filter);
    assert.ok(result.ok);
    assert.equal(result.value.kind, 'valuePath');
  });

  test('paths carry the canonical names and the definitions', () => {
    const result = parseFilter(USER_RESOURCE, 'emails[TYPE eq "work"]');
    assert.ok(result.ok && result.value.kind === 'valuePath' && result.value.filter.kind === 'compare');
    const { path } = result.value.filter;
    assert.equal(path.attribute, 'emails');
    assert.equal(path.subAttribute, 'type');
    assert.equal(path.definition?.multiValued, true);
    assert.equal(path.subDefinition?.name, 'type');
  });

  test('a filter of exactly the maximum length is accepted', () => {
    const text = `userName eq "${'x'.repeat(MAX_FILTER_LENGTH - 'userName eq ""'.length)}"`;
    assert.equal(text.length, MAX_FILTER_LENGTH);
    assert.ok(parseFilter(USER_RESOURCE, text).ok);
  });

  test('never throws, whatever the input', () => {
    const pieces = ['userName', 'emails', 'value', 'type', 'eq', 'co', 'pr', 'and', 'or', 'not', '(', ')', '[', ']', '].', '"x"', '"', 'true', '1', '\\', ' ', '.'];
    const filterish = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), filterish), (text) => {
        const result = parseFilter(USER_RESOURCE, text);
        if (!result.ok) assert.equal(result.error.scimType, 'invalidFilter');
      }),
      { numRuns: 2000 },
    );
  });

  test('deep parentheses within the length cap are refused or accepted, never a crash', () => {
    const deep = `${'('.repeat(1000)}userName eq "x"${')'.repeat(1000)}`;
    assert.ok(parseFilter(USER_RESOURCE, deep).ok);
    const deeper = `${'('.repeat(1020)}userName eq "x"`;
    assert.equal(parseFilter(USER_RESOURCE, deeper).ok, false);
  });
});

// The text between the brackets of a PATCH path or an `attributes` name reads as it does in a list
// filter's `attr[...]`: same tree, same typing, same escapes, same refusals.
const valuePathCases: Array<[attribute: string, inner: string, ResourceType?]> = [
  ['emails', 'type eq "work"'],
  ['emails', 'type eq work'],
  ['emails', 'type eq "wo\\\\rk"'],
  ['emails', 'TYPE eq "work" and primary eq "True"'],
  ['emails', 'type eq "work" or not (value co "@example.com")'],
  ['emails', 'value eq null'],
  ['addresses', 'type eq "work" and streetAddress pr'],
  [`${ENTERPRISE}:manager`, 'value eq m1'],
  ['urn:example:ext:1.0:User:badges', 'level ge 3'],
  ['members', 'value eq "u1" or value eq "u2"', GROUP_RESOURCE],
  ['emails', 'foo eq "x"'],
  ['emails', 'type eq'],
  ['emails', 'value eq "x" and ims[type eq "y"]'],
  ['emails', 'primary eq "maybe"'],
];

describe('parseValuePathFilter agrees with parseFilter', () => {
  for (const [attribute, inner, resourceType = USER_RESOURCE] of valuePathCases) {
    test(`${resourceType.name}: ${attribute}[${inner}]`, () => {
      const whole = parseFilter(resourceType, `${attribute}[${inner}]`);
      const path = resolvePath(resourceType, attribute);
      assert.ok(path);
      const alone = parseValuePathFilter(resourceType, path, inner);
      if (!whole.ok) {
        assert.ok(!alone.ok, `the list filter refuses it (${whole.error.detail}); the value path accepted it`);
        assert.equal(alone.error.scimType, whole.error.scimType);
        return;
      }
      assert.ok(alone.ok, alone.ok ? '' : alone.error.detail);
      assert.equal(whole.value.kind, 'valuePath');
      assert.equal(`${pathText(path)}[${show(alone.value)}]`, show(whole.value));
    });
  }

  test('a value path on an attribute without a definition takes any sub-attribute name but a hostile one', () => {
    const stored: ResolvedPath = { attribute: 'badges' };
    const parsed = parseValuePathFilter(USER_RESOURCE, stored, 'Level eq 3');
    assert.ok(parsed.ok);
    assert.equal(show(parsed.value), 'eq(badges.Level,3)');
    const hostile = parseValuePathFilter(USER_RESOURCE, stored, '__proto__ eq 3');
    assert.ok(!hostile.ok);
    assert.equal(hostile.error.scimType, 'invalidFilter');
  });
});
