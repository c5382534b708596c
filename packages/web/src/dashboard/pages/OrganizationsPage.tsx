import { useState } from 'react';
import { ApiError, bodyOf } from '../../shared/api.js';
import { formatDateTime, timeAgo } from '../../shared/format.js';
import { useAsync, useDebounced, useSubmit } from '../../shared/hooks.js';
import { useRouter } from '../../shared/router.js';
import type { Organization } from '../../shared/types.js';
import { Dialog, FormActions } from '../../shared/ui/dialog.js';
import { Callout, EmptyState } from '../../shared/ui/feedback.js';
import { DataView } from '../../shared/ui/data-view.js';
import { Field, SearchInput } from '../../shared/ui/forms.js';
import { BuildingIcon, PlusIcon } from '../../shared/ui/icons.js';
import { Pager } from '../../shared/ui/pager.js';
import { Table } from '../../shared/ui/table.js';
import { useDashboard } from '../context.js';

const scimOn = (organization: Organization) => organization.settings.features.some((feature) => (feature.name === 'scim' || feature.name === 'dir_sync') && feature.enabled);

export function OrganizationsPage() {
  const { api } = useDashboard();
  const { navigate } = useRouter();
  const [tokens, setTokens] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const text = useDebounced(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const pageToken = tokens.at(-1);
  const list = useAsync(() => bodyOf(api.management.GET('/api/v1/organizations', { params: { query: { page_size: 100, ...(pageToken ? { page_token: pageToken } : {}) } } })), [api, tokens]);
  // An organization id or external id typed in the search box is looked up directly, beyond the loaded page.
  const lookup = useAsync(async () => {
    if (!text) return undefined;
    const found: Organization[] = [];
    const byId = () => api.management.GET('/api/v1/organizations/{organization_id}', { params: { path: { organization_id: text } } });
    const byExternalId = () => api.management.GET('/api/v1/organizations:external/{external_id}', { params: { path: { external_id: text } } });
    for (const read of [byId, byExternalId]) {
      try {
        found.push((await bodyOf(read())).organization);
      } catch (error) {
        if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 400)) throw error;
      }
    }
    return found;
  }, [api, text]);

  const needle = text.toLowerCase();
  const shown = (list.data?.organizations ?? []).filter(
    (organization) => !needle || organization.display_name.toLowerCase().includes(needle) || organization.id.includes(needle) || (organization.external_id ?? '').toLowerCase().includes(needle),
  );
  for (const extra of lookup.data ?? []) if (!shown.some((organization) => organization.id === extra.id)) shown.unshift(extra);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Organizations</h1>
          <p>Your customers. Each connects its identity provider through a directory.</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          <PlusIcon /> New organization
        </button>
      </div>
      <div className="card">
        <div className="card-header">
          <SearchInput label="Search by name, id or external id" value={search} onChange={(event) => setSearch(event.target.value)} />
          {list.data ? <span className="muted small">{list.data.total_size} in total</span> : null}
        </div>
        <DataView state={list} errorTitle="Organizations could not be loaded" columns={4} isEmpty={() => shown.length === 0} empty={
          text ? (
            <EmptyState title="No matching organization">Nothing on this page matches “{text}”, and it is not an organization id or external id.</EmptyState>
          ) : (
            <EmptyState icon={<BuildingIcon size={20} />} title="No organizations yet" action={<button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>Create the first one</button>}>
              Create an organization for each customer, or let your backend create them with the API.
            </EmptyState>
          )
        }>
          {(loaded) => (
            <>
              <Table label="Organizations" columns={['Organization', 'External id', 'Directory sync', 'Created']}>
                {shown.map((organization) => (
                  <tr key={organization.id} className="clickable" onClick={() => navigate(`/organizations/${organization.id}`)}>
                    <td>
                      <a className="cell-primary" href={`/dashboard/organizations/${organization.id}`} onClick={(event) => { event.preventDefault(); navigate(`/organizations/${organization.id}`); }}>
                        {organization.display_name}
                      </a>
                      <div className="cell-sub mono">{organization.id}</div>
                    </td>
                    <td className="mono">{organization.external_id ?? <span className="subtle">—</span>}</td>
                    <td>{scimOn(organization) ? <span className="badge badge-success">On</span> : <span className="badge">Off</span>}</td>
                    <td className="muted nowrap" title={formatDateTime(organization.create_time)}>
                      {timeAgo(organization.create_time)}
                    </td>
                  </tr>
                ))}
              </Table>
              <Pager
                label={text ? `${shown.length} shown` : `Page ${tokens.length + 1}`}
                hasPrevious={tokens.length > 0}
                hasNext={Boolean(loaded.next_page_token)}
                onPrevious={() => setTokens((current) => current.slice(0, -1))}
                onNext={() => setTokens((current) => [...current, loaded?.next_page_token ?? ''])}
                loading={list.loading}
              />
            </>
          )}
        </DataView>
      </div>
      {creating ? <CreateOrganizationDialog onClose={() => setCreating(false)} onCreated={(organization) => navigate(`/organizations/${organization.id}`)} /> : null}
    </div>
  );
}

function CreateOrganizationDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (organization: Organization) => void }) {
  const { api } = useDashboard();
  const [name, setName] = useState('');
  const [externalId, setExternalId] = useState('');
  const [enableScim, setEnableScim] = useState(true);
  const { busy, error, submit } = useSubmit(async () => {
    const { organization } = await bodyOf(api.management.POST('/api/v1/organizations', { body: { display_name: name, ...(externalId.trim() ? { external_id: externalId.trim() } : {}) } }));
    if (enableScim) {
      await bodyOf(api.management.PATCH('/api/v1/organizations/{organization_id}/settings', { params: { path: { organization_id: organization.id } }, body: { features: [{ name: 'scim', enabled: true }] } }));
    }
    onCreated(organization);
  });

  return (
    <Dialog title="New organization" onClose={onClose}>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <Field label="Name">{(id) => <input id={id} className="input" value={name} onChange={(event) => setName(event.target.value)} placeholder="Acme Inc." required />}</Field>
        <Field label="External id" hint="Your application’s own id for this customer (optional, unique).">
          {(id, describedBy) => <input id={id} className="input input-mono" aria-describedby={describedBy} value={externalId} onChange={(event) => setExternalId(event.target.value)} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={enableScim} onChange={(event) => setEnableScim(event.target.checked)} />
          Enable directory sync (SCIM) now
        </label>
        <FormActions label="Create organization" onCancel={onClose} busy={busy} disabled={!name.trim()} />
      </form>
    </Dialog>
  );
}
