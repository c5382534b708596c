import { boolean, complex, dateTime, multiValued, reference, string, type AttributeDefinition } from './attribute.js';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, ROSTER_GROUP_SCHEMA, USER_SCHEMA } from './urns.js';

export interface SchemaDefinition {
  id: string;
  name: string;
  description: string;
  attributes: AttributeDefinition[];
}

// Attributes every resource carries (RFC 7643 section 3.1); not part of any schema's list.
export const COMMON_ATTRIBUTES: AttributeDefinition[] = [
  string('id', 'Unique identifier for the resource, assigned by the service provider.', {
    caseExact: true, mutability: 'readOnly', returned: 'always', uniqueness: 'server',
  }),
  string('externalId', 'An identifier for the resource as defined by the provisioning client.', { caseExact: true }),
  complex('meta', 'Resource metadata.', [
    string('resourceType', 'The name of the resource type of the resource.', { caseExact: true, mutability: 'readOnly' }),
    dateTime('created', 'When the resource was added to the service provider.', { mutability: 'readOnly' }),
    dateTime('lastModified', 'When the resource was last updated.', { mutability: 'readOnly' }),
    reference('location', ['uri'], 'The URI of the resource.', { caseExact: true, mutability: 'readOnly' }),
    string('version', 'The version (ETag) of the resource.', { caseExact: true, mutability: 'readOnly' }),
  ], { mutability: 'readOnly' }),
];

const nameAttribute = complex('name', "The components of the user's real name.", [
  string('formatted', 'The full name, formatted for display.'),
  string('familyName', 'The family name of the User.'),
  string('givenName', 'The given name of the User.'),
  string('middleName', 'The middle name(s) of the User.'),
  string('honorificPrefix', 'The honorific prefix(es) of the User.'),
  string('honorificSuffix', 'The honorific suffix(es) of the User.'),
]);

const addressAttribute = complex('addresses', 'A physical mailing address for this User.', [
  string('formatted', 'The full mailing address, formatted for display.'),
  string('streetAddress', 'The full street address component.'),
  string('locality', 'The city or locality component.'),
  string('region', 'The state or region component.'),
  string('postalCode', 'The zip code or postal code component.'),
  string('country', 'The country name component.'),
  string('type', 'A label indicating the address function.', { canonicalValues: ['work', 'home', 'other'] }),
  boolean('primary', 'Whether this is the primary address.'),
], { multiValued: true });

const groupsAttribute = complex('groups', 'The groups to which the user belongs.', [
  string('value', 'The identifier of the User\'s group.', { mutability: 'readOnly' }),
  reference('$ref', ['User', 'Group'], 'The URI of the corresponding Group resource.', { mutability: 'readOnly' }),
  string('display', 'A human-readable name.', { mutability: 'readOnly' }),
  string('type', 'How the membership is derived.', { canonicalValues: ['direct', 'indirect'], mutability: 'readOnly' }),
], { multiValued: true, mutability: 'readOnly' });

export const USER: SchemaDefinition = {
  id: USER_SCHEMA,
  name: 'User',
  description: 'User Account',
  attributes: [
    string('userName', 'Unique identifier for the User, used to authenticate.', { required: true, uniqueness: 'server' }),
    nameAttribute,
    string('displayName', 'The name of the User, suitable for display to end-users.'),
    string('nickName', 'The casual way to address the user.'),
    reference('profileUrl', ['external'], "A URI of the User's online profile."),
    string('title', "The user's title, such as \"Vice President\"."),
    string('userType', 'The relationship between the organization and the user.'),
    string('preferredLanguage', "The User's preferred written or spoken language."),
    string('locale', "The User's default location."),
    string('timezone', "The User's time zone in the Olson format."),
    boolean('active', "The User's administrative status."),
    string('password', "The User's cleartext password; never returned.", { mutability: 'writeOnly', returned: 'never' }),
    multiValued('emails', 'Email addresses for the user.', ['work', 'home', 'other']),
    multiValued('phoneNumbers', 'Phone numbers for the User.', ['work', 'home', 'mobile', 'fax', 'pager', 'other']),
    multiValued('ims', 'Instant messaging addresses for the User.', ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo']),
    multiValued('photos', 'URLs of photos of the User.', ['photo', 'thumbnail'], { caseExact: true }),
    addressAttribute,
    groupsAttribute,
    multiValued('entitlements', 'A list of entitlements for the User.', undefined),
    multiValued('roles', 'A list of roles for the User.', undefined),
    multiValued('x509Certificates', 'A list of certificates issued to the User.', undefined),
  ],
};

export const ENTERPRISE_USER: SchemaDefinition = {
  id: ENTERPRISE_USER_SCHEMA,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    string('employeeNumber', 'Numeric or alphanumeric identifier assigned to a person.'),
    string('costCenter', 'Identifies the name of a cost center.'),
    string('organization', 'Identifies the name of an organization.'),
    string('division', 'Identifies the name of a division.'),
    string('department', 'Identifies the name of a department.'),
    complex('manager', "The User's manager.", [
      string('value', 'The id of the SCIM resource representing the User\'s manager.'),
      reference('$ref', ['User'], 'The URI of the SCIM resource representing the User\'s manager.'),
      string('displayName', 'The displayName of the User\'s manager.', { mutability: 'readOnly' }),
    ]),
  ],
};

export const GROUP: SchemaDefinition = {
  id: GROUP_SCHEMA,
  name: 'Group',
  description: 'Group',
  attributes: [
    string('displayName', 'A human-readable name for the Group.', { required: true }),
    complex('members', 'A list of members of the Group.', [
      string('value', 'Identifier of the member of this Group.', { caseExact: true, mutability: 'immutable' }),
      reference('$ref', ['User', 'Group'], 'The URI of the member resource.', { mutability: 'immutable' }),
      // The server derives it from the member (a client's own is not kept): readOnly, and returned
      // only when asked for (attributes=members.display), so members read back as a client wrote them.
      string('display', "The member's displayName (a User's, else its userName; a Group's), set by the server.", { mutability: 'readOnly', returned: 'request' }),
      string('type', 'The type of the member.', { canonicalValues: ['User', 'Group'], mutability: 'immutable' }),
    ], { multiValued: true }),
  ],
};

// Roster's extension of Group (README, "The SCIM endpoint"): a list response carries a group's
// members only whole and within bounds; a group listed without them says so here.
export const ROSTER_GROUP: SchemaDefinition = {
  id: ROSTER_GROUP_SCHEMA,
  name: 'RosterGroup',
  description: 'What Roster says about a Group beyond RFC 7643',
  attributes: [
    boolean('membersOmitted', 'True when a list response leaves this group\'s members out (the group or the page holds too many); GET /Groups/{id} returns them all.', {
      mutability: 'readOnly',
      returned: 'always',
    }),
  ],
};
