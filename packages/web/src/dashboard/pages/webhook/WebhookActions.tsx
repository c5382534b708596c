import { useState } from 'react';
import { bodyOf } from '../../../shared/api.js';
import { CopyField } from '../../../shared/ui/copy.js';
import { PlayIcon, RefreshIcon } from '../../../shared/ui/icons.js';
import { HttpStatusBadge } from '../../../shared/ui/status.js';
import { dashboardRoutes, type WebhookTestResult } from '../../../shared/web-routes.js';
import { useDashboard } from '../../context.js';
import type { WebhookCalls } from './webhook-calls.js';

interface WebhookActionsProps {
  webhookId: string;
  calls: WebhookCalls;
  busy: string | undefined;
  act: (name: string, action: () => Promise<void>) => Promise<void>;
  onReplaySince: () => void;
}

/** Send a test event, rotate the signing secret, replay since a time. */
export function WebhookActions({ webhookId, calls, busy, act, onReplaySince }: WebhookActionsProps) {
  const { api } = useDashboard();
  const [secret, setSecret] = useState<string>();
  const [test, setTest] = useState<WebhookTestResult>();
  return (
    <div className="grid-3">
      <div className="card card-body stack-sm">
        <h3>Send a test event</h3>
        <p className="muted">One signed <span className="mono">webhook.test</span> POST, now, to check the receiver and its signature check.</p>
        <button type="button" className="btn" style={{ alignSelf: 'flex-start' }} disabled={busy !== undefined} onClick={() => void act('test', async () => setTest((await api.call(dashboardRoutes.testWebhook, webhookId)).result))}>
          {busy === 'test' ? <span className="spinner" aria-hidden="true" /> : <PlayIcon />} Send test event
        </button>
        {test ? (
          <div className="small" data-testid="test-result">
            {test.status_code !== null ? <HttpStatusBadge status={test.status_code} /> : <span className="badge badge-danger">No response</span>} in {test.latency_ms} ms{test.error ? ` · ${test.error}` : ''}
          </div>
        ) : null}
      </div>
      <div className="card card-body stack-sm">
        <h3>Signing secret</h3>
        <p className="muted">Rotate it: deliveries carry a signature for the old and the new secret for 24 hours.</p>
        <button type="button" className="btn" style={{ alignSelf: 'flex-start' }} disabled={busy !== undefined} onClick={() => void act('rotate', async () => setSecret((await bodyOf(calls.rotateSecret())).secret))}>
          {busy === 'rotate' ? <span className="spinner" aria-hidden="true" /> : <RefreshIcon />} Rotate secret
        </button>
        {secret ? <CopyField value={secret} label="new signing secret" secret /> : null}
      </div>
      <div className="card card-body stack-sm">
        <h3>Replay</h3>
        <p className="muted">Send every event since a time again, for example after an outage of the receiver.</p>
        <button type="button" className="btn" style={{ alignSelf: 'flex-start' }} onClick={onReplaySince}>
          <RefreshIcon /> Replay since…
        </button>
      </div>
    </div>
  );
}
