import { etagOf, etagsMatch } from '../../scim/render-resource.js';
import { ScimError } from '../../scim/scim-error.js';

/**
 * RFC 7644 section 3.14 / RFC 7232: a write with If-Match proceeds only when one of the listed
 * ETags (or `*`) matches the current version. Weak and strong forms compare alike.
 */
export function checkPrecondition(ifMatch: string | undefined, version: number): void {
  if (ifMatch === undefined || etagsMatch(ifMatch, version)) return;
  throw new ScimError(412, `If-Match ${ifMatch} does not match the current version ${etagOf(version)}`);
}

/**
 * The one version an If-Match allows, for a write that checks it in the store instead of reading
 * first: null when any version will do (no If-Match, or `*`), undefined when it lists several.
 */
export function versionOfIfMatch(ifMatch: string | undefined): number | null | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return null;
  const tags = ifMatch.split(',');
  const match = tags.length === 1 ? /^(?:W\/)?"(\d{1,9})"$/.exec(ifMatch.trim()) : null;
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
