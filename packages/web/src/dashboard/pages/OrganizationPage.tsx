import { useState } from 'react';
import { bodyOf, noContent } from '../../shared/api.js';
import { formatDateTime, PROVIDER_LABELS, providerLabel, timeAgo } from '../../shared/format.js';
import { useAction, useAsync, useSubmit } from '../../shared/hooks.js';
import { Link, useRouter } from '../../shared/router.js';
import type { Directory, DirectoryProvider, Organization, PortalLink } from '../../shared/types.js';
import { CopyField } from '../../shared/ui/copy.js';
import { ConfirmDialog, Dialog, DialogActions } from '../../shared/ui/dialog.js';
import { DataView, pageFrame, type Loaded } from '../../shared/ui/data-view.js';
import { Callout, EmptyState, Loading } from '../../shared/ui/feedback.js';
import { Field, Switch } from '../../shared/ui/forms.js';
import { ExternalIcon, LinkIcon, PlusIcon } from '../../shared/ui/icons.js';
import { DirectoryStatusBadge } from '../../shared/ui/status.js';
import { useToast } from '../../shared/ui/toast.js';
import { Table } from '../../shared/ui/table.js';
import { useDashboard } from '../context.js';

const scimOn = (organization: Organization) => organization.settings.features.some((feature) => (feature.name === 'scim' || feature.name === 'dir_sync') && feature.enabled);

export function OrganizationPage({ organizationId }: { organizationId: string }) {
  const { api } = useDashboard();
  const path = { organization_id: organizationId };
  // Both load at once: the directories do not wait for the organization.
  const organization = useAsync(async () => (await bodyOf(api.management.GET('/api/v1/organizations/{organization_id}', { params: { path } }))).organization, [api, organizationId]);
  const directories = useAsync(
    async () => (await bodyOf(api.management.GET('/api/v1/organizations/{organization_id}/directories', { params: { path, query: { page_size: 100 } } }))).directories,
    [api, organizationId],
  );
  return (
    <DataView state={organization} errorTitle="The organization could not be loaded" errorFrame={pageFrame} loading={<Loading />}>
      {(org) => <OrganizationView org={org} directories={directories} onChanged={organization.setData} />}
    </DataView>
  );
}

function OrganizationView({ org, directories, onChanged }: { org: Organization; directories: Loaded<Directory[]>; onChanged: (organization: Organization) => void }) {
  const { api } = useDashboard();
  const { navigate } = useRouter();
  const toast = useToast();
  const path = { organization_id: org.id };
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const { busy: toggling, run: toggleScim } = useAction(async (enabled: boolean) => {
    const features = [{ name: 'scim' as const, enabled }, ...(org.settings.features.some((feature) => feature.name === 'dir_sync') ? [{ name: 'dir_sync' as const, enabled }] : [])];
    const updated = await bodyOf(api.management.PATCH('/api/v1/organizations/{organization_id}/settings', { params: { path }, body: { features } }));
    onChanged(updated.organization);
    toast.show(enabled ? 'Directory sync enabled' : 'Directory sync disabled: identity providers are refused');
  }, toast.error);

  const { busy, run: remove } = useAction(async () => {
    await noContent(api.management.DELETE('/api/v1/organizations/{organization_id}', { params: { path } }));
    toast.show(`${org.display_name} deleted`);
    navigate('/organizations');
  }, toast.error);

  return (
    <div className="page">
      <div>
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to="/organizations">Organizations</Link> <span aria-hidden="true">/</span> <span>{org.display_name}</span>
        </nav>
        <div className="page-header">
          <div>
            <h1>{org.display_name}</h1>
            <p className="mono small">
              {org.id}
              {org.external_id ? ` · external id ${org.external_id}` : ''}
            </p>
          </div>
          <Switch checked={scimOn(org)} disabled={toggling} onChange={(checked) => void toggleScim(checked)} label={<span style={{ fontWeight: 500 }}>Directory sync (SCIM)</span>} />
        </div>
      </div>

      {!scimOn(org) ? <Callout tone="warning" title="Directory sync is off for this organization">Its identity providers are answered 403 and no new directory can be created. Turn it on with the switch above.</Callout> : null}

      <div className="card">
        <div className="card-header">
          <div>
            <div className="card-title">Directories</div>
            <div className="card-description">SCIM connections of this organization’s identity providers.</div>
          </div>
          <button type="button" className="btn" onClick={() => setAdding(true)} disabled={!scimOn(org)}>
            <PlusIcon /> Add directory
          </button>
        </div>
        <DataView
          state={directories}
          columns={5}
          isEmpty={(items) => items.length === 0}
          empty={<EmptyState title="No directory yet">Send the customer’s IT admin an admin portal link below: they pick their provider and follow a guide. Or add a directory yourself.</EmptyState>}
        >
          {(items) => (
            <Table label="Directories" columns={['Directory', 'Status', 'Users', 'Groups', 'Last sync']}>
              {items.map((directory) => (
                <tr key={directory.id} className="clickable" onClick={() => navigate(`/organizations/${org.id}/directories/${directory.id}`)}>
                  <td>
                    <Link to={`/organizations/${org.id}/directories/${directory.id}`} className="cell-primary" onClick={(event) => event.stopPropagation()}>
                      {directory.name}
                    </Link>
                    <div className="cell-sub">{providerLabel(directory.directory_provider)}</div>
                  </td>
                  <td>
                    <DirectoryStatusBadge status={directory.status} />
                  </td>
                  <td>{directory.total_users}</td>
                  <td>{directory.total_groups}</td>
                  <td className="muted nowrap" title={formatDateTime(directory.last_synced_at)}>
                    {timeAgo(directory.last_synced_at)}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </DataView>
      </div>

      <PortalLinksCard organizationId={org.id} />

      <div className="card card-body row-between">
        <div className="grow">
          <h3>Delete organization</h3>
          <p className="muted" style={{ marginTop: 4 }}>
            Deletes its directories with their users and groups, its portal links and request logs. Its identity providers are refused from then on.
          </p>
        </div>
        <button type="button" className="btn btn-danger-outline" onClick={() => setDeleting(true)}>
          Delete organization
        </button>
      </div>

      {adding ? <AddDirectoryDialog organizationId={org.id} onClose={() => setAdding(false)} onCreated={(directory) => navigate(`/organizations/${org.id}/directories/${directory.id}`)} /> : null}
      {deleting ? (
        <ConfirmDialog title={`Delete ${org.display_name}?`} confirmLabel="Delete organization" danger busy={busy} onConfirm={() => void remove()} onClose={() => setDeleting(false)}>
          This cannot be undone. Directory deletion events are sent for each of its directories.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function PortalLinksCard({ organizationId }: { organizationId: string }) {
  const { api } = useDashboard();
  const toast = useToast();
  const path = { organization_id: organizationId };
  const links = useAsync(async () => (await bodyOf(api.management.GET('/api/v1/organizations/{organization_id}/portal_links', { params: { path } }))).links, [api, organizationId]);
  const [created, setCreated] = useState<PortalLink>();
  const { busy, run: generate } = useAction(async () => {
    const { link } = await bodyOf(api.management.PUT('/api/v1/organizations/{organization_id}/portal_links', { params: { path } }));
    setCreated(link);
    void links.reload();
  }, toast.error);

  const revoke = async (id: string) => {
    try {
      await noContent(api.management.DELETE('/api/v1/organizations/{organization_id}/portal_links/{link_id}', { params: { path: { ...path, link_id: id } } }));
      toast.show('Portal link revoked: its sessions end now');
      if (created?.id === id) setCreated(undefined);
      void links.reload();
    } catch (error) {
      toast.error(error);
    }
  };

  return (
    <div className="card">
      <div className="card-header">
        <div>
          <div className="card-title">Admin portal</div>
          <div className="card-description">A link for the customer’s IT admin to connect their identity provider, valid for 24 hours. Or embed the portal in your app.</div>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => void generate()} disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : <LinkIcon />}
          Generate portal link
        </button>
      </div>
      <div className="card-body stack">
        {created ? (
          <Callout tone="success" title={`Link created, valid until ${formatDateTime(created.expire_time)}`}>
            <div className="stack-sm">
              <CopyField value={created.location} label="portal link" testId="portal-link" />
              <div className="row">
                <a className="btn btn-sm" href={created.location} target="_blank" rel="noreferrer">
                  <ExternalIcon /> Open portal
                </a>
                <span className="small">The link is shown only now. Anyone who has it can configure this organization’s directory until it expires.</span>
              </div>
            </div>
          </Callout>
        ) : null}
        <DataView state={links} loading={null} isEmpty={(items) => items.length === 0} empty={<p className="muted">No portal link is currently valid.</p>}>
          {(items) => (
            <div className="stack-sm">
              <span className="label">Links that still work</span>
              {items.map((link) => (
                <div key={link.id} className="row-between" style={{ padding: '8px 12px', border: '1px solid var(--border)', borderRadius: 8 }}>
                  <span className="mono small">{link.id}</span>
                  <span className="muted small">expires {timeAgo(link.expire_time)}</span>
                  <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => void revoke(link.id)}>
                    Revoke
                  </button>
                </div>
              ))}
            </div>
          )}
        </DataView>
      </div>
    </div>
  );
}

function AddDirectoryDialog({ organizationId, onClose, onCreated }: { organizationId: string; onClose: () => void; onCreated: (directory: Directory) => void }) {
  const { api } = useDashboard();
  const [provider, setProvider] = useState<DirectoryProvider>('OKTA');
  const { busy, error, submit } = useSubmit(async () => {
    const { directory } = await bodyOf(
      api.management.POST('/api/v1/organizations/{organization_id}/directories', {
        params: { path: { organization_id: organizationId } },
        body: { directory_type: 'SCIM', directory_provider: provider, name: `${providerLabel(provider)} directory` },
      }),
    );
    onCreated(directory);
  });
  return (
    <Dialog
      title="Add a directory"
      onClose={onClose}
      footer={<DialogActions label="Add directory" onCancel={onClose} onAction={() => void submit()} busy={busy} />}
    >
      <div className="stack">
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <Field label="Identity provider" hint="Create a bearer token on the directory’s page afterwards.">
          {(id, describedBy) => (
            <select id={id} aria-describedby={describedBy} className="select" value={provider} onChange={(event) => setProvider(event.target.value as DirectoryProvider)}>
              {Object.entries(PROVIDER_LABELS).filter(([value]) => value !== 'BAMBOOHR').map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </Dialog>
  );
}
