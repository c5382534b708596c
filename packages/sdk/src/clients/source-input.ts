import { defined } from '../api.js';
import type { operations } from '../generated/openapi.js';

// A pulled directory's settings and credentials as the SDK takes them (camelCase, like its other
// arguments) and as the API reads them (snake_case).

type CreateBody = NonNullable<operations['createDirectory']['requestBody']>['content']['application/json'];

export type PulledDirectoryType = 'GOOGLE_WORKSPACE' | 'BAMBOOHR';

export interface GoogleWorkspaceSettings {
  /** `my_customer` (the admin's own, the default) or a customer id such as `C03az79cb`. */
  customerId?: string;
  /** Only users of this domain. */
  domain?: string;
  /** Only users in these organizational units (and those below them), e.g. `/Engineering`. */
  orgUnits?: string[];
  /** Only these groups, the groups nested in them, and their members. */
  groupEmails?: string[];
}

export interface BambooHRSettings {
  /** The company's subdomain: `acme` for acme.bamboohr.com (required when creating). */
  subdomain?: string;
  /** `report` (a custom report of every employee, the default) or `directory` (active employees only). */
  employeesFrom?: 'report' | 'directory';
  /** More report fields to keep on each user, for attribute mappings. */
  extraFields?: string[];
  /** Which employee fields become groups (default both). */
  groupBy?: ('department' | 'division')[];
}

/** Write-only: stored encrypted, never returned. Google consent (OAuth) is given in the admin portal instead. */
export interface SourceCredentials {
  /** Google Workspace: the service account key JSON as downloaded (an object or its text). */
  serviceAccountKey?: string | Record<string, unknown>;
  /** Google Workspace: the admin the service account acts as (domain-wide delegation). */
  adminEmail?: string;
  /** BambooHR: an API key of a user who can see the employees. */
  apiKey?: string;
}

export interface SourceChanges {
  googleWorkspace?: GoogleWorkspaceSettings;
  bamboohr?: BambooHRSettings;
  credentials?: SourceCredentials;
  /** How often to sync, in minutes (default 30). */
  syncIntervalMinutes?: number;
  /** Hold a run that would deactivate or delete more than this share of the directory (default 20). */
  safetyThresholdPercent?: number;
}

export type SourceBody = Pick<CreateBody, 'credentials' | 'sync_interval_minutes' | 'safety_threshold_percent'> & {
  google_workspace?: { customer_id?: string; domain?: string; org_units?: string[]; group_emails?: string[] };
  bamboohr?: { subdomain?: string; employees_from?: 'report' | 'directory'; extra_fields?: string[]; group_by?: ('department' | 'division')[] };
};

/** The API's body for a source's settings, credentials and schedule; fields not given are left out. */
export function sourceBody(changes: SourceChanges): SourceBody {
  const { googleWorkspace: google, bamboohr, credentials } = changes;
  return defined({
    google_workspace: google && defined({ customer_id: google.customerId, domain: google.domain, org_units: google.orgUnits, group_emails: google.groupEmails }),
    bamboohr: bamboohr && defined({ subdomain: bamboohr.subdomain, employees_from: bamboohr.employeesFrom, extra_fields: bamboohr.extraFields, group_by: bamboohr.groupBy }),
    credentials: credentials && defined({ service_account_key: credentials.serviceAccountKey, admin_email: credentials.adminEmail, api_key: credentials.apiKey }),
    sync_interval_minutes: changes.syncIntervalMinutes,
    safety_threshold_percent: changes.safetyThresholdPercent,
  });
}
