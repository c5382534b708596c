import { randomBytes } from 'node:crypto';
import type { DirectoryState } from '../directory-state.js';

// The fake Google Workspace's directory: users, groups and members in the shapes the Admin SDK
// Directory API documents (admin#directory#user, #group, #member), with operations tests and
// demos use to change it the way an admin would in the Google Admin console.

export interface GoogleUserJson {
  kind: 'admin#directory#user';
  id: string;
  etag: string;
  primaryEmail: string;
  name: { givenName: string; familyName: string; fullName: string };
  isAdmin: boolean;
  isDelegatedAdmin: boolean;
  lastLoginTime: string;
  creationTime: string;
  agreedToTerms: boolean;
  suspended: boolean;
  suspensionReason?: string;
  archived: boolean;
  changePasswordAtNextLogin: boolean;
  ipWhitelisted: boolean;
  emails: { address: string; primary?: boolean }[];
  organizations?: { title?: string; primary: boolean; customType: string; department?: string; costCenter?: string }[];
  externalIds?: { value: string; type: string }[];
  customerId: string;
  orgUnitPath: string;
  isMailboxSetup: boolean;
  isEnrolledIn2Sv: boolean;
  isEnforcedIn2Sv: boolean;
  includeInGlobalAddressList: boolean;
  thumbnailPhotoUrl?: string;
  thumbnailPhotoEtag?: string;
}

export interface GoogleGroupJson {
  kind: 'admin#directory#group';
  id: string;
  etag: string;
  email: string;
  name: string;
  directMembersCount: string;
  description: string;
  adminCreated: boolean;
}

export interface GoogleMemberJson {
  kind: 'admin#directory#member';
  etag: string;
  id: string;
  email: string;
  role: 'OWNER' | 'MANAGER' | 'MEMBER';
  type: 'USER' | 'GROUP' | 'CUSTOMER' | 'EXTERNAL';
  status: 'ACTIVE' | 'SUSPENDED' | 'UNKNOWN';
}

const etag = () => `"${randomBytes(12).toString('base64url')}"`;
let sequence = 0;
/** Google's user ids are 21-digit numbers; group ids short base-32-ish strings. */
const userId = () => `1${String(Date.now() % 1e12).padStart(12, '0')}${String(++sequence).padStart(8, '0')}`;
const groupId = () => `0${randomBytes(7).toString('hex')}${String(++sequence).padStart(4, '0')}`;

export interface NewGoogleUser {
  primaryEmail: string;
  givenName: string;
  familyName: string;
  orgUnitPath?: string;
  title?: string;
  department?: string;
  employeeId?: string;
  suspended?: boolean;
  isAdmin?: boolean;
}

export class GoogleDirectory {
  readonly users = new Map<string, GoogleUserJson>();
  readonly groups = new Map<string, GoogleGroupJson>();
  /** Direct members of each group, by group id. */
  readonly members = new Map<string, GoogleMemberJson[]>();

  constructor(
    readonly customerId: string,
    readonly domain: string,
  ) {}

  addUser(input: NewGoogleUser): GoogleUserJson {
    const id = userId();
    const user: GoogleUserJson = {
      kind: 'admin#directory#user',
      id,
      etag: etag(),
      primaryEmail: input.primaryEmail,
      name: { givenName: input.givenName, familyName: input.familyName, fullName: `${input.givenName} ${input.familyName}` },
      isAdmin: input.isAdmin ?? false,
      isDelegatedAdmin: false,
      lastLoginTime: '1970-01-01T00:00:00.000Z',
      creationTime: new Date().toISOString(),
      agreedToTerms: true,
      suspended: input.suspended ?? false,
      archived: false,
      changePasswordAtNextLogin: false,
      ipWhitelisted: false,
      emails: [{ address: input.primaryEmail, primary: true }],
      ...(input.title || input.department ? { organizations: [{ primary: true, customType: '', ...(input.title ? { title: input.title } : {}), ...(input.department ? { department: input.department } : {}) }] } : {}),
      ...(input.employeeId ? { externalIds: [{ value: input.employeeId, type: 'organization' }] } : {}),
      customerId: this.customerId,
      orgUnitPath: input.orgUnitPath ?? '/',
      isMailboxSetup: true,
      isEnrolledIn2Sv: false,
      isEnforcedIn2Sv: false,
      includeInGlobalAddressList: true,
      thumbnailPhotoUrl: `https://lh3.googleusercontent.com/a/${id}`,
      thumbnailPhotoEtag: etag(),
    };
    this.users.set(id, user);
    return user;
  }

  /** Changes a user as the Admin console would (its etag changes with it). */
  updateUser(id: string, change: (user: GoogleUserJson) => void): GoogleUserJson {
    const user = this.users.get(id);
    if (!user) throw new Error(`no user ${id}`);
    change(user);
    user.etag = etag();
    return user;
  }

  /** Deletes a user, and its memberships with it (as Google does). */
  deleteUser(id: string): void {
    this.users.delete(id);
    for (const [group, members] of this.members) this.members.set(group, members.filter((member) => member.id !== id));
  }

  addGroup(name: string, email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@${this.domain}`): GoogleGroupJson {
    const group: GoogleGroupJson = { kind: 'admin#directory#group', id: groupId(), etag: etag(), email, name, directMembersCount: '0', description: '', adminCreated: true };
    this.groups.set(group.id, group);
    this.members.set(group.id, []);
    return group;
  }

  deleteGroup(id: string): void {
    this.groups.delete(id);
    this.members.delete(id);
    for (const [group, members] of this.members) this.members.set(group, members.filter((member) => member.id !== id));
  }

  /** Adds a user or a group (nested) as a direct member. */
  addMember(groupId: string, memberId: string): void {
    const list = this.members.get(groupId);
    if (!list) throw new Error(`no group ${groupId}`);
    if (list.some((member) => member.id === memberId)) return;
    const user = this.users.get(memberId);
    const group = this.groups.get(memberId);
    if (!user && !group) throw new Error(`no user or group ${memberId}`);
    list.push({
      kind: 'admin#directory#member',
      etag: etag(),
      id: memberId,
      email: user ? user.primaryEmail : (group as GoogleGroupJson).email,
      role: 'MEMBER',
      type: user ? 'USER' : 'GROUP',
      status: user?.suspended ? 'SUSPENDED' : 'ACTIVE',
    });
    this.touchGroup(groupId);
  }

  removeMember(groupId: string, memberId: string): void {
    const list = this.members.get(groupId) ?? [];
    this.members.set(groupId, list.filter((member) => member.id !== memberId));
    this.touchGroup(groupId);
  }

  private touchGroup(id: string): void {
    const group = this.groups.get(id);
    if (group) {
      group.directMembersCount = String(this.members.get(id)?.length ?? 0);
      group.etag = etag();
    }
  }

  findGroup(key: string): GoogleGroupJson | undefined {
    return this.groups.get(key) ?? [...this.groups.values()].find((group) => group.email.toLowerCase() === key.toLowerCase());
  }

  /** Loads a simulated company: people in departments (organizational units), department and team groups. */
  seed(state: DirectoryState): void {
    const byKey = new Map<string, string>();
    for (const person of state.users) {
      const user = this.addUser({
        primaryEmail: person.userName,
        givenName: person.givenName,
        familyName: person.familyName,
        orgUnitPath: person.department ? `/${person.department}` : '/',
        ...(person.title ? { title: person.title } : {}),
        ...(person.department ? { department: person.department } : {}),
        ...(person.employeeNumber ? { employeeId: person.employeeNumber } : {}),
      });
      byKey.set(person.key, user.id);
    }
    for (const simulated of state.groups) {
      const group = this.addGroup(simulated.displayName);
      const list = this.members.get(group.id) ?? [];
      for (const key of simulated.members) {
        const id = byKey.get(key);
        const user = id ? this.users.get(id) : undefined;
        if (user) list.push({ kind: 'admin#directory#member', etag: etag(), id: user.id, email: user.primaryEmail, role: 'MEMBER', type: 'USER', status: 'ACTIVE' });
      }
      group.directMembersCount = String(list.length);
    }
  }
}
