import { isPlainObject } from '../../scim/resource/json-object.js';

// Why a SCIM request failed, in words an IT admin can act on, for the request log of the portal
// and the dashboard. Derived from the status, the RFC 7644 scimType and the error's detail.

export interface FailureExplanation {
  /** One line: what went wrong. */
  summary: string;
  /** What to do about it. */
  action: string;
}

function errorFields(responseBody: unknown): { scimType?: string; detail?: string } {
  if (!isPlainObject(responseBody)) return {};
  const fields: { scimType?: string; detail?: string } = {};
  if (typeof responseBody.scimType === 'string') fields.scimType = responseBody.scimType;
  if (typeof responseBody.detail === 'string') fields.detail = responseBody.detail;
  else if (typeof responseBody.message === 'string') fields.detail = responseBody.message;
  return fields;
}

const BY_SCIM_TYPE: Record<string, FailureExplanation> = {
  uniqueness: {
    summary: 'A user or group with the same unique value (userName, or a group displayName) already exists in this directory.',
    action: 'Usually the identity provider retries by looking the object up first. If it keeps failing, remove the duplicate in the provider or match users on userName.',
  },
  invalidFilter: {
    summary: 'The provider sent a filter Roster could not parse or does not support.',
    action: 'Roster supports the SCIM filter operators of RFC 7644. Check the attribute used to match users (userName or externalId) in the provider.',
  },
  invalidSyntax: { summary: 'The request body was not valid SCIM JSON.', action: 'Check custom attribute mappings or JSON templates in the provider for a malformed value.' },
  invalidPath: { summary: 'The request named an attribute path that does not exist.', action: 'Check the provider’s attribute mappings for a misspelled attribute or schema URN.' },
  noTarget: { summary: 'A PATCH operation matched nothing to change.', action: 'Usually harmless: the provider is changing a value that is already gone. It resolves on the next sync.' },
  invalidValue: { summary: 'A value had the wrong type or was missing where it is required (for example userName).', action: 'Check the attribute mappings in the provider: every user needs a userName.' },
  mutability: { summary: 'The provider tried to change a read-only attribute (such as id).', action: 'Remove the mapping for that attribute in the provider.' },
  tooMany: { summary: 'The query would return too many results.', action: 'The provider should page with startIndex and count; this resolves on retry.' },
};

function byStatus(status: number): FailureExplanation {
  if (status === 401) {
    return {
      summary: 'The bearer token was missing, wrong, expired or revoked.',
      action: 'Paste the current token into the provider’s SCIM settings. If you are unsure which one is current, rotate the token and paste the new one.',
    };
  }
  if (status === 403) {
    return {
      summary: 'Provisioning is turned off for this directory or for the organization.',
      action: 'Enable the directory (or ask the application’s team to turn SCIM on for your organization); the provider’s next sync then goes through.',
    };
  }
  if (status === 404) {
    return {
      summary: 'The provider referred to a user or group that Roster does not hold (deleted here, or never created).',
      action: 'Usually harmless: the provider creates it again on its next sync. If it repeats, re-push the user or group from the provider.',
    };
  }
  if (status === 409) return BY_SCIM_TYPE.uniqueness as FailureExplanation;
  if (status === 412) {
    return { summary: 'The object changed since the provider last read it (its ETag no longer matches).', action: 'Nothing to do: the provider re-reads and retries.' };
  }
  if (status === 413) return { summary: 'The request was larger than Roster accepts.', action: 'Lower the batch size in the provider, or ask the application’s team to raise ROSTER_SCIM_MAX_PAYLOAD_BYTES.' };
  if (status === 429) return { summary: 'The provider sent requests faster than this directory’s rate limit.', action: 'Nothing to do: providers wait and retry automatically.' };
  if (status >= 500) return { summary: 'Roster could not complete the request.', action: 'The provider retries later. If it persists, tell the application’s team; the time of the request helps them find it in the logs.' };
  return { summary: 'Roster refused the request as invalid.', action: 'Look at the detail below and at the provider’s attribute mappings.' };
}

/** Undefined for a success (status below 400). */
export function explainScimFailure(status: number, responseBody: unknown): (FailureExplanation & { scimType?: string; detail?: string }) | undefined {
  if (status < 400) return undefined;
  const fields = errorFields(responseBody);
  const base = (status === 400 || status === 409) && fields.scimType && BY_SCIM_TYPE[fields.scimType] ? BY_SCIM_TYPE[fields.scimType] : byStatus(status);
  return { ...(base as FailureExplanation), ...fields };
}
