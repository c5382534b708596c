import { useState } from 'react';
import { bodyOf, noContent } from '../../shared/api.js';
import { useAction, useAsync, useSubmit } from '../../shared/hooks.js';
import type { Role } from '../../shared/types.js';
import { ConfirmDialog, Dialog, FormActions } from '../../shared/ui/dialog.js';
import { Callout, EmptyState } from '../../shared/ui/feedback.js';
import { DataView } from '../../shared/ui/data-view.js';
import { Field } from '../../shared/ui/forms.js';
import { PlusIcon, ShieldIcon } from '../../shared/ui/icons.js';
import { useToast } from '../../shared/ui/toast.js';
import { Table } from '../../shared/ui/table.js';
import { useDashboard } from '../context.js';

export function RolesPage() {
  const { api } = useDashboard();
  const toast = useToast();
  const roles = useAsync(async () => (await bodyOf(api.management.GET('/api/v1/roles', { params: { query: { page_size: 100 } } }))).roles, [api]);
  const [editing, setEditing] = useState<Role | 'new'>();
  const [deleting, setDeleting] = useState<Role>();
  const { busy, run: remove } = useAction(async (role: Role) => {
    await noContent(api.management.DELETE('/api/v1/roles/{role_name}', { params: { path: { role_name: role.name } } }));
    setDeleting(undefined);
    void roles.reload();
  }, toast.error);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Roles and permissions</h1>
          <p>Your application’s roles. Each directory maps its groups to them; a user’s roles and permissions follow their groups.</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
          <PlusIcon /> New role
        </button>
      </div>
      <div className="card">
        <DataView state={roles} columns={3} isEmpty={(items) => items.length === 0} empty={
          <EmptyState icon={<ShieldIcon size={20} />} title="No roles yet" action={<button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>Create a role</button>}>
            Create roles like admin and member, then map directory groups to them.
          </EmptyState>
        }>
          {(items) => (
            <Table label="Roles" columns={['Role', 'Permissions', '']}>
              {items.map((role) => (
                <tr key={role.name}>
                  <td>
                    <div className="row">
                      <span className="cell-primary">{role.display_name}</span>
                      {role.is_default ? <span className="badge badge-accent">Default</span> : null}
                    </div>
                    <div className="cell-sub">
                      <span className="mono">{role.name}</span>
                      {role.description ? ` · ${role.description}` : ''}
                    </div>
                  </td>
                  <td>
                    <div className="chip-list">
                      {role.permissions.length === 0 ? <span className="subtle">—</span> : null}
                      {role.permissions.map((permission) => (
                        <span key={permission} className="badge mono">
                          {permission}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td style={{ textAlign: 'right' }} className="nowrap">
                    <button type="button" className="btn btn-sm" onClick={() => setEditing(role)}>
                      Edit
                    </button>{' '}
                    <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => setDeleting(role)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </DataView>
      </div>
      {editing ? <RoleDialog role={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} onSaved={() => { setEditing(undefined); void roles.reload(); }} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${deleting.display_name}?`}
          confirmLabel="Delete role"
          danger
          busy={busy}
          onClose={() => setDeleting(undefined)}
          onConfirm={() => void remove(deleting)}
        >
          A role still mapped to a directory group cannot be deleted; remove those mappings first.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function RoleDialog({ role, onClose, onSaved }: { role: Role | undefined; onClose: () => void; onSaved: () => void }) {
  const { api } = useDashboard();
  const [name, setName] = useState(role?.name ?? '');
  const [displayName, setDisplayName] = useState(role?.display_name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [permissions, setPermissions] = useState((role?.permissions ?? []).join(', '));
  const [isDefault, setIsDefault] = useState(role?.is_default ?? false);
  const { busy, error, submit } = useSubmit(async () => {
    const body = {
      display_name: displayName.trim() || name.trim(),
      permissions: permissions.split(/[\s,]+/).filter(Boolean),
      is_default: isDefault,
    };
    const text = description.trim();
    // An emptied description is cleared (null) on an existing role, left out on a new one.
    if (role) await bodyOf(api.management.PATCH('/api/v1/roles/{role_name}', { params: { path: { role_name: role.name } }, body: { ...body, description: text || null } }));
    else await bodyOf(api.management.POST('/api/v1/roles', { body: { name: name.trim(), ...body, ...(text ? { description: text } : {}) } }));
    onSaved();
  });

  return (
    <Dialog title={role ? `Edit ${role.display_name}` : 'New role'} onClose={onClose}>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        {role ? null : (
          <Field label="Key" hint="What groups are mapped to and your backend reads, e.g. admin. It cannot change later.">
            {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input input-mono" value={name} onChange={(event) => setName(event.target.value)} required />}
          </Field>
        )}
        <Field label="Display name">{(id) => <input id={id} className="input" value={displayName} onChange={(event) => setDisplayName(event.target.value)} placeholder="Administrator" />}</Field>
        <Field label="Description">{(id) => <input id={id} className="input" value={description} onChange={(event) => setDescription(event.target.value)} />}</Field>
        <Field label="Permissions" hint="Comma-separated, e.g. users:read, users:write.">
          {(id, describedBy) => <textarea id={id} aria-describedby={describedBy} className="textarea input-mono" value={permissions} onChange={(event) => setPermissions(event.target.value)} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={isDefault} onChange={(event) => setIsDefault(event.target.checked)} />
          Default role for users in no mapped group
        </label>
        <FormActions label={role ? 'Save role' : 'Create role'} onCancel={onClose} busy={busy} disabled={!role && !name.trim()} />
      </form>
    </Dialog>
  );
}
