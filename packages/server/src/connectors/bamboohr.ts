import { z } from 'zod';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from '../scim/schema/urns.js';
import { SourceError, type PulledSource, type SourceContext, type SourceGroup, type SourceMember, type SourceReader, type SourceUser } from './source.js';

// BambooHR, read through its REST API (https://documentation.bamboohr.com): the company's
// subdomain and an API key (HTTP Basic, the key as the user name). Employees come from a custom
// report (every employee, Active and Inactive, with the fields Roster asks for) or from the
// employee directory (active employees only, as the company shares it). An employee is active
// unless their status is Inactive or their employment status is Terminated; departments and
// divisions become groups. BambooHR signals rate limiting with 503 (sometimes 429) and
// Retry-After, which source-fetch.ts waits out; errors carry X-BambooHR-Error-Message.

export const BAMBOOHR_USER_SCHEMA = 'urn:roster:params:scim:schemas:extension:bamboohr:2.0:User';
export const BAMBOOHR_GROUP_SCHEMA = 'urn:roster:params:scim:schemas:extension:bamboohr:2.0:Group';

/** The report fields Roster maps; more can be asked for with extra_fields. */
export const REPORT_FIELDS = [
  'id',
  'employeeNumber',
  'firstName',
  'lastName',
  'preferredName',
  'displayName',
  'workEmail',
  'jobTitle',
  'department',
  'division',
  'location',
  'status',
  'employmentHistoryStatus',
  'supervisorEId',
  'workPhone',
  'mobilePhone',
  'hireDate',
  'terminationDate',
];

const PAGE = 500;
const GROUPING = ['department', 'division'] as const;

export const bamboohrSettingsSchema = z.strictObject({
  subdomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be the company subdomain: "acme" for acme.bamboohr.com')
    .describe('The company\'s BambooHR subdomain: "acme" for acme.bamboohr.com.'),
  employees_from: z.enum(['report', 'directory']).default('report').describe('report: a custom report of every employee (Active and Inactive); directory: the employee directory (active employees only).'),
  extra_fields: z
    .array(z.string().regex(/^[A-Za-z0-9_.]{1,100}$/, 'must be a BambooHR field name or id'))
    .max(100)
    .default([])
    .describe('More report fields to keep on each user (for attribute mappings).'),
  group_by: z.array(z.enum(GROUPING)).max(2).default(['department', 'division']).describe('Which employee fields become groups.'),
});
export type BambooHRSettings = z.infer<typeof bamboohrSettingsSchema>;

export const bamboohrCredentialsSchema = z.object({ api_key: z.string().trim().min(8, 'must be a BambooHR API key').max(200) });
export type BambooHRCredentials = z.infer<typeof bamboohrCredentialsSchema>;

type Employee = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined);

export function isEmployeeActive(employee: Employee): boolean {
  const status = text(employee.status)?.toLowerCase();
  const employment = text(employee.employmentHistoryStatus)?.toLowerCase();
  return status !== 'inactive' && employment !== 'terminated';
}

export function employeeToScim(employee: Employee, subdomain: string): SourceUser {
  const id = text(employee.id);
  if (!id) throw new SourceError('bad_response', 'BambooHR listed an employee without an id');
  const email = text(employee.workEmail);
  const givenName = text(employee.preferredName) ?? text(employee.firstName);
  const familyName = text(employee.lastName);
  const displayName = text(employee.displayName) ?? ([givenName, familyName].filter(Boolean).join(' ') || undefined);
  const phones = [
    ...(text(employee.workPhone) ? [{ value: text(employee.workPhone), type: 'work' }] : []),
    ...(text(employee.mobilePhone) ? [{ value: text(employee.mobilePhone), type: 'mobile' }] : []),
  ];
  const enterprise = Object.fromEntries(
    Object.entries({ employeeNumber: text(employee.employeeNumber), department: text(employee.department), division: text(employee.division) }).filter(([, value]) => value !== undefined),
  );
  const own = Object.fromEntries(Object.entries(employee).filter(([, value]) => value !== null && value !== undefined && value !== ''));
  return {
    sourceId: id,
    scim: {
      schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA, BAMBOOHR_USER_SCHEMA],
      // Some employees have no work email; they still need a name unique in the directory.
      userName: email ?? `${subdomain}-employee-${id}`,
      name: Object.fromEntries(Object.entries({ givenName, familyName }).filter(([, value]) => value !== undefined)),
      ...(displayName ? { displayName } : {}),
      ...(email ? { emails: [{ value: email, type: 'work', primary: true }] } : {}),
      ...(phones.length > 0 ? { phoneNumbers: phones } : {}),
      ...(text(employee.jobTitle) ? { title: text(employee.jobTitle) } : {}),
      ...(text(employee.location) ? { addresses: [{ type: 'work', formatted: text(employee.location) }] } : {}),
      active: isEmployeeActive(employee),
      ...(Object.keys(enterprise).length > 0 ? { [ENTERPRISE_USER_SCHEMA]: enterprise } : {}),
      [BAMBOOHR_USER_SCHEMA]: own,
    },
  };
}

/** The groups the employees' departments and divisions make, each with its members. */
export function employeeGroups(employees: Employee[], groupBy: readonly (typeof GROUPING)[number][]): { group: SourceGroup; members: SourceMember[] }[] {
  const groups = new Map<string, { group: SourceGroup; members: SourceMember[] }>();
  for (const employee of employees) {
    const id = text(employee.id);
    if (!id) continue;
    for (const field of groupBy) {
      const name = text(employee[field]);
      if (!name) continue;
      const sourceId = `${field}:${name}`;
      let entry = groups.get(sourceId);
      if (!entry) {
        entry = { group: { sourceId, key: sourceId, scim: { schemas: [GROUP_SCHEMA, BAMBOOHR_GROUP_SCHEMA], displayName: name, [BAMBOOHR_GROUP_SCHEMA]: { kind: field, name } } }, members: [] };
        groups.set(sourceId, entry);
      }
      entry.members.push({ sourceId: id, type: 'User' });
    }
  }
  return [...groups.values()].sort((a, b) => (a.group.sourceId < b.group.sourceId ? -1 : 1));
}

async function errorOf(response: Response): Promise<SourceError> {
  const reason = response.headers.get('x-bamboohr-error-message') ?? ((await response.text()).slice(0, 200) || response.statusText);
  if (response.status === 401 || response.status === 403) {
    return new SourceError('invalid_credentials', `BambooHR refused the API key (${response.status} ${reason})`, response.status);
  }
  if (response.status === 404) return new SourceError('misconfigured', `BambooHR does not know this company or report (${response.status} ${reason}); check the subdomain`, response.status);
  return new SourceError('unavailable', `BambooHR answered ${response.status} (${reason})`, response.status);
}

class BambooHRReader implements SourceReader {
  private employees: Promise<Employee[]> | undefined;
  private groupsAndMembers: Map<string, SourceMember[]> | undefined;
  private readonly base: string;
  private readonly authorization: string;

  constructor(
    private readonly context: SourceContext,
    private readonly settings: BambooHRSettings,
    credentials: BambooHRCredentials,
  ) {
    this.base = `${context.config.ROSTER_BAMBOOHR_API_URL.replace(/\/+$/, '')}/api/gateway.php/${encodeURIComponent(settings.subdomain)}/v1`;
    this.authorization = `Basic ${Buffer.from(`${credentials.api_key}:x`).toString('base64')}`;
  }

  private async request(path: string, init: RequestInit = {}): Promise<unknown> {
    const response = await this.context.fetch(`${this.base}${path}`, {
      ...init,
      headers: { accept: 'application/json', authorization: this.authorization, 'user-agent': 'Roster directory sync', ...(init.headers as Record<string, string> | undefined) },
    });
    if (!response.ok) throw await errorOf(response);
    try {
      return (await response.json()) as unknown;
    } catch {
      throw new SourceError('bad_response', `BambooHR answered ${path} with something that is not JSON`);
    }
  }

  /** Every employee, read once a run (BambooHR's reports and directory come whole, not in pages). */
  private loadEmployees(): Promise<Employee[]> {
    this.employees ??= (async () => {
      const body =
        this.settings.employees_from === 'directory'
          ? await this.request('/employees/directory')
          : await this.request('/reports/custom?format=JSON&onlyCurrent=true', {
              method: 'POST',
              // BambooHR reads the body as JSON only with exactly this content type.
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ title: 'Roster directory sync', fields: [...new Set([...REPORT_FIELDS, ...this.settings.extra_fields])] }),
            });
      const employees = typeof body === 'object' && body !== null && 'employees' in body ? body.employees : undefined;
      if (!Array.isArray(employees)) throw new SourceError('bad_response', 'BambooHR answered without an employees list');
      return employees.filter((employee): employee is Employee => typeof employee === 'object' && employee !== null);
    })();
    return this.employees;
  }

  async *users(): AsyncIterable<SourceUser[]> {
    const employees = await this.loadEmployees();
    for (let start = 0; start < employees.length; start += PAGE) {
      yield employees.slice(start, start + PAGE).map((employee) => employeeToScim(employee, this.settings.subdomain));
    }
  }

  async *groups(): AsyncIterable<SourceGroup[]> {
    const grouped = employeeGroups(await this.loadEmployees(), this.settings.group_by);
    this.groupsAndMembers = new Map(grouped.map((entry) => [entry.group.key, entry.members]));
    yield grouped.map((entry) => entry.group);
  }

  async members(group: SourceGroup): Promise<SourceMember[]> {
    return this.groupsAndMembers?.get(group.key) ?? [];
  }
}

export const bamboohrSource: PulledSource<BambooHRSettings, BambooHRCredentials> = {
  type: 'BAMBOOHR',
  provider: 'BAMBOOHR',
  displayName: 'BambooHR',
  settingsSchema: bamboohrSettingsSchema,
  credentialsSchema: bamboohrCredentialsSchema,
  describeCredentials: () => ({ kind: 'api_key' }),
  open: (context, settings, credentials) => new BambooHRReader(context, settings, credentials),
};
