// Checks of Microsoft's collection that test the reference server's own choices rather than
// SCIM. Each is excused only when it fails the way the reason explains (`whenError`): the same
// check failing any other way is a bug in Roster. Anything not listed here is a bug.

/** What the excused check was after, checked the standard way; its failure is a Roster bug. */
export interface InsteadCheck {
  name: string;
  /** Why the response does not meet the check's intent, or undefined when it does. */
  verify(response: { status?: number; body: string }, variable: (name: string) => string | undefined): string | undefined;
}

export interface KnownException {
  folder: string;
  request: string;
  /** The `pm.test` name, or `request` / `test-script` for an error outside any test. */
  check: string;
  /** The failure message must match, so only the documented deviation is excused. */
  whenError: RegExp;
  reason: string;
  instead?: InsteadCheck;
}

const SERVICE_CONFIGURATION =
  'the collection reads the reference server\'s own `/serviceConfiguration` path; RFC 7644 section 4 names the endpoint ' +
  '`/ServiceProviderConfig`, which Roster serves (checked separately below: patch.supported is true)';

const PATCH_204 =
  'RFC 7644 section 3.5.2 lets a successful PATCH answer either 200 with the resource or 204; the reference server ' +
  'answers 204, Roster answers 200 with the updated resource (which Okta and Entra read back)';

const MEMBER_DISPLAY_NAME =
  'the check looks for "new User", the `displayName` the PATCH sent inside the member object; RFC 7643 sections 2.4 ' +
  'and 4.2 give `members` only value, $ref, type and a READ-ONLY display, so echoing a client-sent member name is ' +
  'the reference server\'s own behaviour; Roster sets `display` from the member\'s own record (checked instead: ' +
  'the group lists user 4 as a member)';

function listsMember(body: string, memberId: string | undefined): string | undefined {
  if (memberId === undefined) return 'the run never set {{id4}}';
  let group: unknown;
  try {
    group = JSON.parse(body);
  } catch {
    return 'the body is not JSON';
  }
  const members = typeof group === 'object' && group !== null && 'members' in group ? group.members : undefined;
  const listed = Array.isArray(members) && members.some((m: unknown) => typeof m === 'object' && m !== null && 'value' in m && m.value === memberId);
  return listed ? undefined : `members ${JSON.stringify(members)} do not include ${memberId}`;
}

export const MICROSOFT_KNOWN_EXCEPTIONS: readonly KnownException[] = [
  {
    folder: 'Endpoint tests',
    request: 'Get ServiceProviderConfig',
    check: 'Status code is 200',
    whenError: /status code 200 but got 404/,
    reason: SERVICE_CONFIGURATION,
  },
  {
    folder: 'Endpoint tests',
    request: 'Get ServiceProviderConfig',
    check: 'Pach supported is true',
    whenError: /reading 'supported'/,
    reason: SERVICE_CONFIGURATION,
  },
  {
    folder: 'Group tests',
    request: 'Get group by id',
    check: 'Body contians user',
    whenError: /to include 'new User'$/,
    reason: MEMBER_DISPLAY_NAME,
    instead: {
      name: 'user 4 is listed in members (stands in for "Body contians user")',
      verify: (response, variable) => listsMember(response.body, variable('id4')),
    },
  },
  {
    folder: 'User tests with garbage',
    request: 'Patch user omalley new username',
    check: 'Status code is 204',
    whenError: /status code 204 but got 200$/,
    reason: PATCH_204,
  },
  {
    folder: 'User tests with garbage',
    request: 'patch user omalley active with boolean',
    check: 'Status code is 204',
    whenError: /status code 204 but got 200$/,
    reason: PATCH_204,
  },
];

/** The exception that excuses this failure, if any. */
export function findKnownException(
  failure: { folder: string; request: string; check: string; error: string },
  exceptions: readonly KnownException[] = MICROSOFT_KNOWN_EXCEPTIONS,
): KnownException | undefined {
  return exceptions.find(
    (e) => e.folder === failure.folder && e.request === failure.request && e.check === failure.check && e.whenError.test(failure.error),
  );
}
