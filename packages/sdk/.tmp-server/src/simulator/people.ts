import type { Random } from './prng.js';

// Realistic-looking people for a simulated company. Domains are under `.example` (RFC 2606),
// so a simulation never names a real mailbox.

const GIVEN_NAMES = [
  'Aisha', 'Alejandro', 'Amara', 'Anders', 'Ana', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Daniel', 'Dmitri',
  'Elena', 'Emeka', 'Emma', 'Fatima', 'Felix', 'Grace', 'Hana', 'Hiroshi', 'Ingrid', 'Isabel', 'Jamal', 'James',
  'Javier', 'Jia', 'Johan', 'Julia', 'Kai', 'Kavya', 'Laura', 'Leila', 'Liam', 'Lucas', 'Maria', 'Mateo', 'Mei',
  'Mohammed', 'Nadia', 'Noah', 'Nora', 'Olivia', 'Omar', 'Priya', 'Rahul', 'Rosa', 'Samir', 'Sara', 'Sofia',
  'Sven', 'Tariq', 'Thomas', 'Valentina', 'Wei', 'Yara', 'Yuki', 'Zainab', 'Zoe',
];

const FAMILY_NAMES = [
  'Adeyemi', 'Andersson', 'Bauer', 'Becker', 'Chen', 'Costa', 'Da Silva', 'Dubois', 'Fernandez', 'Fischer',
  'Garcia', 'Gonzalez', 'Gupta', 'Haddad', 'Hansen', 'Ivanova', 'Jansen', 'Johnson', 'Kim', 'Kowalski',
  'Kumar', 'Larsen', 'Lee', 'Lopez', 'Martin', 'Meyer', 'Moreau', 'Murphy', 'Nakamura', 'Nguyen', 'Novak',
  "O'Brien", 'Okafor', 'Patel', 'Petrov', 'Rossi', 'Sato', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Suzuki',
  'Tanaka', 'Torres', 'Van der Berg', 'Wagner', 'Wang', 'Williams', 'Yilmaz', 'Zhang',
];

/** Departments with a realistic share of headcount and their job titles. */
export const DEPARTMENTS: readonly { name: string; weight: number; titles: readonly string[] }[] = [
  { name: 'Engineering', weight: 30, titles: ['Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'Engineering Manager', 'SRE'] },
  { name: 'Sales', weight: 18, titles: ['Account Executive', 'Sales Development Representative', 'Sales Manager', 'Solutions Engineer'] },
  { name: 'Customer Success', weight: 12, titles: ['Customer Success Manager', 'Support Engineer', 'Support Lead'] },
  { name: 'Marketing', weight: 8, titles: ['Product Marketing Manager', 'Content Strategist', 'Growth Marketer'] },
  { name: 'Product', weight: 7, titles: ['Product Manager', 'Senior Product Manager', 'Product Designer'] },
  { name: 'Operations', weight: 6, titles: ['Operations Analyst', 'Office Manager', 'IT Administrator'] },
  { name: 'Finance', weight: 5, titles: ['Accountant', 'Financial Analyst', 'Controller'] },
  { name: 'People', weight: 4, titles: ['Recruiter', 'People Partner', 'People Operations Specialist'] },
  { name: 'Legal', weight: 3, titles: ['Counsel', 'Paralegal'] },
  { name: 'Security', weight: 3, titles: ['Security Engineer', 'Security Analyst'] },
];

const COMPANIES = ['northwind', 'contoso', 'fabrikam', 'tailspin', 'wingtip', 'adatum', 'litware', 'proseware', 'woodgrove', 'lamna'];

const TEAM_PREFIXES = ['Platform', 'Payments', 'Growth', 'Mobile', 'Data', 'Identity', 'Search', 'Billing', 'Infra', 'Onboarding', 'EMEA', 'APAC', 'Americas', 'Enterprise', 'SMB', 'Partner'];
const TEAM_SUFFIXES = ['Team', 'Squad', 'Guild', 'On-call', 'Leads', 'Working Group', 'Champions', 'Admins'];
const BROAD_GROUPS = ['VPN Users', 'Office 365 Licensed', 'GitHub Users', 'Slack Members', 'Laptop Fleet'];

export function companyDomain(random: Random): string {
  return `${random.pick(COMPANIES)}.example`;
}

export interface Person {
  givenName: string;
  familyName: string;
  title: string;
  department: string;
}

export function randomPerson(random: Random): Person {
  const department = random.weighted(DEPARTMENTS, DEPARTMENTS.map((entry) => entry.weight));
  return { givenName: random.pick(GIVEN_NAMES), familyName: random.pick(FAMILY_NAMES), title: random.pick(department.titles), department: department.name };
}

export function randomFamilyName(random: Random): string {
  return random.pick(FAMILY_NAMES);
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * `given.family@domain`, with a number when the name is taken; `taken` holds lower-cased
 * userNames because IdPs and Roster compare them case-insensitively.
 */
export function uniqueUserName(givenName: string, familyName: string, domain: string, taken: ReadonlySet<string>, hints?: Map<string, number>): string {
  const base = `${slug(givenName)}.${slug(familyName)}`;
  // 100k people share a few thousand names: `hints` remembers where the last search for a base
  // ended. Exact as long as the caller never frees a name while it keeps the hints.
  for (let suffix = hints?.get(base) ?? 1; ; suffix++) {
    const candidate = `${base}${suffix === 1 ? '' : suffix}@${domain}`;
    if (!taken.has(candidate.toLowerCase())) {
      hints?.set(base, suffix);
      return candidate;
    }
  }
}

/** A group name not yet in `taken` (lower-cased names): teams first, then broad groups, then numbered. */
export function uniqueTeamName(random: Random, taken: ReadonlySet<string>, broad: boolean): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = broad && attempt < 10 ? random.pick(BROAD_GROUPS) : `${random.pick(TEAM_PREFIXES)} ${random.pick(TEAM_SUFFIXES)}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
  for (let number = 2; ; number++) {
    const name = `${random.pick(TEAM_PREFIXES)} ${random.pick(TEAM_SUFFIXES)} ${number}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
