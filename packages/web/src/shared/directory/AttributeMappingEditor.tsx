import { useEffect, useId, useState } from 'react';
import { ApiError, errorMessage } from '../api.js';
import type { AttributeMapping } from '../types.js';
import { Callout } from '../ui/feedback.js';
import { ArrowRightIcon, PlusIcon, TrashIcon } from '../ui/icons.js';
import { useToast } from '../ui/toast.js';
import type { DirectoryApi } from './directory-api.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** SCIM attributes identity providers commonly send (RFC 7643 core and enterprise). */
const SCIM_SUGGESTIONS = [
  'userName',
  'displayName',
  'name.givenName',
  'name.familyName',
  'title',
  'userType',
  'locale',
  'timezone',
  'externalId',
  'emails[type eq "work"].value',
  'phoneNumbers[type eq "work"].value',
  'addresses[type eq "work"].country',
  `${ENTERPRISE}:employeeNumber`,
  `${ENTERPRISE}:department`,
  `${ENTERPRISE}:costCenter`,
  `${ENTERPRISE}:organization`,
  `${ENTERPRISE}:division`,
  `${ENTERPRISE}:manager.value`,
];

const TARGET_SUGGESTIONS = ['custom_attributes.department', 'custom_attributes.employee_number', 'custom_attributes.title', 'custom_attributes.cost_center', 'email', 'preferred_username', 'given_name', 'family_name', 'name'];

/** Maps SCIM attributes to fields of the application's users; applies to users already stored. */
export function AttributeMappingEditor({ directory, mappings, onSaved }: { directory: DirectoryApi; mappings: AttributeMapping[]; onSaved: () => void }) {
  const [rows, setRows] = useState<AttributeMapping[]>(mappings);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; index?: number }>();
  const toast = useToast();
  const listId = useId();
  const savedKey = JSON.stringify(mappings);
  // Only a change of what is saved resets the form (a poll returns equal data in a new array).
  useEffect(() => setRows(JSON.parse(savedKey) as typeof mappings), [savedKey]);

  const dirty = JSON.stringify(rows) !== savedKey;
  const update = (index: number, change: Partial<AttributeMapping>) => setRows((current) => current.map((row, at) => (at === index ? { ...row, ...change } : row)));

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await directory.setAttributeMappings(rows.filter((row) => row.key.trim() || row.map_to.trim()).map((row) => ({ key: row.key.trim(), map_to: row.map_to.trim() })));
      toast.show('Attribute mappings saved');
      onSaved();
    } catch (caught) {
      const parameter = caught instanceof ApiError ? String(caught.details.parameter ?? '') : '';
      const index = /attributes\.(\d+)/.exec(parameter)?.[1];
      setError({ message: errorMessage(caught), ...(index !== undefined ? { index: Number(index) } : {}) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="card">
      <div className="card-header">
        <div>
          <div className="card-title">Attribute mapping</div>
          <div className="card-description">Copy SCIM attributes onto the application’s users, e.g. the enterprise department into custom_attributes.department. Changes apply to every user, including those already synced.</div>
        </div>
      </div>
      <div className="card-body stack">
        <datalist id={`${listId}-scim`}>
          {SCIM_SUGGESTIONS.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
        <datalist id={`${listId}-target`}>
          {TARGET_SUGGESTIONS.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
        {rows.length === 0 ? <p className="muted">No mappings yet. Standard fields (email, name, username) are filled without any.</p> : null}
        {rows.map((row, index) => (
          <div className="mapping-row" key={index}>
            <input
              className="input input-mono"
              aria-label={`SCIM attribute ${index + 1}`}
              placeholder="SCIM attribute, e.g. title"
              list={`${listId}-scim`}
              value={row.key}
              aria-invalid={error?.index === index}
              onChange={(event) => update(index, { key: event.target.value })}
            />
            <span className="arrow muted" aria-hidden="true">
              <ArrowRightIcon />
            </span>
            <input
              className="input input-mono"
              aria-label={`Maps to ${index + 1}`}
              placeholder="custom_attributes.title"
              list={`${listId}-target`}
              value={row.map_to}
              aria-invalid={error?.index === index}
              onChange={(event) => update(index, { map_to: event.target.value })}
            />
            <button type="button" className="btn btn-ghost btn-sm" aria-label={`Remove mapping ${index + 1}`} onClick={() => setRows((current) => current.filter((_, at) => at !== index))}>
              <TrashIcon />
            </button>
          </div>
        ))}
        {error ? <Callout tone="danger" title="The mappings were not saved">{error.message}</Callout> : null}
        <div className="row-between">
          <button type="button" className="btn btn-sm" onClick={() => setRows((current) => [...current, { key: '', map_to: '' }])}>
            <PlusIcon /> Add mapping
          </button>
          <div className="row">
            {dirty ? (
              <button type="button" className="btn" onClick={() => setRows(mappings)} disabled={saving}>
                Discard
              </button>
            ) : null}
            <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={!dirty || saving}>
              {saving ? <span className="spinner" aria-hidden="true" /> : null}
              Save mappings
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
