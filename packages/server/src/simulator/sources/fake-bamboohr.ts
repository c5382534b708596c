import { randomBytes } from 'node:crypto';
import type { DirectoryState } from '../directory-state.js';
import { FakeServer, type FakeAnswer, type FakeRequest } from './fake-http.js';

// A local BambooHR for tests, benchmarks and `roster simulate --provider bamboohr`: the
// employee directory (GET /api/gateway.php/{company}/v1/employees/directory, active employees
// only) and custom reports (POST .../v1/reports/custom?format=JSON, every employee, the fields
// asked for, unknown ones silently left out), with HTTP Basic API keys (the key as the user,
// any password), errors in X-BambooHR-Error-Message, 503 with Retry-After when throttled, and a
// body read as JSON only when its Content-Type is exactly application/json, as BambooHR does.

export interface Employee {
  id: string;
  employeeNumber: string | null;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  displayName: string;
  workEmail: string | null;
  jobTitle: string | null;
  department: string | null;
  division: string | null;
  location: string | null;
  /** Active or Inactive: whether the employee's account is active. */
  status: 'Active' | 'Inactive';
  /** The current employment status, customized per company (Full-Time, Part-Time, Terminated, ...). */
  employmentHistoryStatus: string | null;
  supervisorEId: string | null;
  workPhone: string | null;
  mobilePhone: string | null;
  hireDate: string | null;
  terminationDate: string | null;
  [field: string]: string | null;
}

const FIELD_NAMES: Record<string, { type: string; name: string }> = {
  id: { type: 'int', name: 'Employee ID' },
  employeeNumber: { type: 'text', name: 'Employee #' },
  firstName: { type: 'text', name: 'First Name' },
  lastName: { type: 'text', name: 'Last Name' },
  preferredName: { type: 'text', name: 'Preferred Name' },
  displayName: { type: 'text', name: 'Display name' },
  workEmail: { type: 'email', name: 'Work Email' },
  jobTitle: { type: 'list', name: 'Job Title' },
  department: { type: 'list', name: 'Department' },
  division: { type: 'list', name: 'Division' },
  location: { type: 'list', name: 'Location' },
  status: { type: 'status', name: 'Status' },
  employmentHistoryStatus: { type: 'list', name: 'Employment Status' },
  supervisorEId: { type: 'int', name: 'Supervisor EID' },
  workPhone: { type: 'text', name: 'Work Phone' },
  mobilePhone: { type: 'text', name: 'Mobile Phone' },
  hireDate: { type: 'date', name: 'Hire Date' },
  terminationDate: { type: 'date', name: 'Termination Date' },
  costCenter: { type: 'list', name: 'Cost Center' },
};

const DIRECTORY_FIELDS = ['displayName', 'firstName', 'lastName', 'preferredName', 'jobTitle', 'workPhone', 'mobilePhone', 'workEmail', 'department', 'location', 'division', 'supervisor', 'photoUploaded', 'photoUrl'];

const refuse = (status: number, message: string, headers: Record<string, string> = {}): FakeAnswer => ({ status, headers: { 'x-bamboohr-error-message': message, ...headers }, body: '' });

export class FakeBambooHR {
  readonly employees = new Map<string, Employee>();
  readonly apiKeys = new Set<string>();
  readonly server: FakeServer;
  private nextId = 100;

  constructor(readonly subdomain: string) {
    this.server = new FakeServer((request) => this.route(request));
  }

  static async start(options: { subdomain?: string; port?: number; host?: string } = {}): Promise<FakeBambooHR> {
    const fake = new FakeBambooHR(options.subdomain ?? 'acme');
    await fake.server.listen(options.port, options.host);
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** A new API key, as an admin generates one under "API Keys". */
  createApiKey(): string {
    const key = randomBytes(20).toString('hex');
    this.apiKeys.add(key);
    return key;
  }

  addEmployee(fields: Partial<Employee> & { firstName: string; lastName: string }): Employee {
    const id = String(this.nextId++);
    const employee: Employee = {
      id,
      employeeNumber: String(Number(id) + 1000),
      preferredName: null,
      displayName: `${fields.firstName} ${fields.lastName}`,
      workEmail: null,
      jobTitle: null,
      department: null,
      division: null,
      location: null,
      status: 'Active',
      employmentHistoryStatus: 'Full-Time',
      supervisorEId: null,
      workPhone: null,
      mobilePhone: null,
      hireDate: '2021-03-01',
      terminationDate: null,
      ...fields,
    };
    this.employees.set(id, employee);
    return employee;
  }

  /** Terminates an employee as HR does: employment status Terminated, account Inactive. */
  terminate(id: string, date = new Date().toISOString().slice(0, 10)): void {
    const employee = this.employees.get(id);
    if (!employee) throw new Error(`no employee ${id}`);
    Object.assign(employee, { status: 'Inactive', employmentHistoryStatus: 'Terminated', terminationDate: date });
  }

  seed(state: DirectoryState): void {
    const divisions = ['North America', 'EMEA', 'APAC'];
    state.users.forEach((person, index) =>
      this.addEmployee({
        firstName: person.givenName,
        lastName: person.familyName,
        workEmail: person.email,
        jobTitle: person.title ?? null,
        department: person.department ?? null,
        division: divisions[index % divisions.length] ?? null,
        location: 'Remote',
        ...(person.employeeNumber ? { employeeNumber: person.employeeNumber } : {}),
      }),
    );
  }

  throttleEvery(every: number, retryAfterSeconds = 1): void {
    this.server.throttling = { every, answer: () => refuse(503, 'Service Unavailable: too many requests', { 'retry-after': String(retryAfterSeconds) }) };
  }

  private async route(request: FakeRequest): Promise<FakeAnswer & { name: string; api?: boolean }> {
    const match = /^\/api\/gateway\.php\/([^/]+)\/v1\/(employees\/directory|reports\/custom)\/?$/.exec(request.url.pathname);
    if (!match) return { name: 'unknown', ...refuse(404, 'Not Found') };
    const [, company, resource] = match;
    const name = resource === 'employees/directory' ? 'employees.directory' : 'reports.custom';
    const auth = this.authenticate(request, company ?? '');
    if (auth) return { name, api: true, ...auth };
    if (name === 'employees.directory' && request.method === 'GET') return { name, api: true, ...this.directory(request) };
    if (name === 'reports.custom' && request.method === 'POST') return { name, api: true, ...this.report(request) };
    return { name, ...refuse(405, 'Method Not Allowed') };
  }

  private authenticate(request: FakeRequest, company: string): FakeAnswer | undefined {
    const basic = /^Basic (.+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];
    const key = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':')[0] : undefined;
    if (!key || !this.apiKeys.has(key)) return refuse(401, 'Invalid API key');
    if (company.toLowerCase() !== this.subdomain) return refuse(404, 'Company not found');
    if (!String(request.headers.accept ?? '').includes('application/json')) return { status: 200, headers: { 'content-type': 'text/xml' }, body: '<?xml version="1.0"?><directory/>' };
    return undefined;
  }

  private directory(_request: FakeRequest): FakeAnswer {
    const active = [...this.employees.values()].filter((employee) => employee.status === 'Active');
    return {
      status: 200,
      body: {
        fields: DIRECTORY_FIELDS.map((id) => ({ id, type: FIELD_NAMES[id]?.type ?? 'text', name: FIELD_NAMES[id]?.name ?? id })),
        employees: active.map((employee) => ({
          id: employee.id,
          ...Object.fromEntries(DIRECTORY_FIELDS.map((field) => [field, field === 'photoUploaded' ? false : field === 'supervisor' ? null : (employee[field] ?? null)])),
        })),
      },
    };
  }

  private report(request: FakeRequest): FakeAnswer {
    if (request.url.searchParams.get('format')?.toLowerCase() !== 'json') return refuse(400, 'Unsupported format');
    // Any other content type (even with a charset) is read as XML, and JSON is not XML.
    if (request.headers['content-type'] !== 'application/json') return refuse(400, 'Malformed XML');
    let fields: string[];
    try {
      const body = JSON.parse(request.body) as { fields?: unknown };
      if (!Array.isArray(body.fields)) return refuse(400, 'fields are required');
      fields = body.fields.filter((field): field is string => typeof field === 'string');
    } catch {
      return refuse(400, 'Malformed JSON');
    }
    if (fields.length > 400) return refuse(400, 'Too many fields: at most 400');
    const known = fields.filter((field) => field in FIELD_NAMES);
    return {
      status: 200,
      body: {
        title: 'Report',
        fields: known.map((id) => ({ id, ...FIELD_NAMES[id] })),
        employees: [...this.employees.values()].map((employee) => Object.fromEntries(['id', ...known].map((field) => [field, employee[field] ?? null]))),
      },
    };
  }
}
