import { Fragment, type ReactNode } from 'react';
import type { Directory } from '../shared/types.js';
import { CopyField } from '../shared/ui/copy.js';
import { Callout } from '../shared/ui/feedback.js';
import { EndpointReachability } from '../shared/directory/EndpointReachability.js';
import { TokenReveal } from '../shared/directory/SecretsPanel.js';
import { ATTRIBUTES_TO_SEND, type GuideSlot, type ProviderGuide } from './providers.js';

/** Renders **labels** of the provider's console in bold. */
function withLabels(text: string): ReactNode {
  return text.split(/\*\*(.+?)\*\*/g).map((part, index) => (index % 2 === 1 ? <strong key={index}>{part}</strong> : <Fragment key={index}>{part}</Fragment>));
}

/** The guide for one provider, with the endpoint and (while it is known) the token where they are pasted. */
export function SetupGuide({ guide, directory, token, tokenAction }: { guide: ProviderGuide; directory: Directory; token: string | undefined; tokenAction: ReactNode }) {
  const endpoint = (
    <div className="field">
      <span className="label">{guide.endpointField}</span>
      <CopyField value={directory.directory_endpoint} label="SCIM endpoint URL" testId="scim-endpoint" />
      <EndpointReachability endpoint={directory.directory_endpoint} audience="portal" />
    </div>
  );
  const tokenField = (
    <div className="field">
      <span className="label">{guide.tokenField}</span>
      {token ? (
        <TokenReveal token={token} />
      ) : (
        <div className="callout callout-info">
          <div className="stack-sm">
            <span>The token was shown when it was created and is not stored in readable form. If you did not copy it, create a new one.</span>
            <div>{tokenAction}</div>
          </div>
        </div>
      )}
    </div>
  );
  const slot = (kind: GuideSlot | undefined) =>
    kind === 'endpoint' ? endpoint : kind === 'token' ? tokenField : kind === 'endpoint-and-token' ? (
      <div className="stack-sm">
        {endpoint}
        {tokenField}
      </div>
    ) : null;

  return (
    <div className="stack">
      {guide.caveat ? <Callout tone="warning" title={`About ${guide.name}`}>{guide.caveat}</Callout> : null}
      {guide.before ? <p className="muted">{guide.before}</p> : null}
      <ol className="steps">
        {guide.steps.map((step) => (
          <li className="step" key={step.title}>
            <div>
              <div className="step-title">{step.title}</div>
              <div className="step-body">
                {step.body.map((paragraph) => (
                  <p key={paragraph}>{withLabels(paragraph)}</p>
                ))}
                {slot(step.slot)}
              </div>
            </div>
          </li>
        ))}
      </ol>
      <div className="grid-2">
        <div className="card card-body stack-sm">
          <h3>Attributes to send</h3>
          <ul className="muted" style={{ margin: 0, paddingLeft: 18 }}>
            {ATTRIBUTES_TO_SEND.map((attribute) => (
              <li key={attribute.name}>
                <span className="mono" style={{ color: 'var(--text)' }}>
                  {attribute.name}
                </span>{' '}
                — {attribute.why}
              </li>
            ))}
          </ul>
        </div>
        <div className="card card-body stack-sm">
          <h3>Users and groups to assign</h3>
          <p className="muted">{guide.assign}</p>
          <p className="muted">Groups you push can be mapped to the application’s roles once they arrive.</p>
        </div>
      </div>
    </div>
  );
}
