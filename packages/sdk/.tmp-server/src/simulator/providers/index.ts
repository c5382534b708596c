import { createAuthentik } from './authentik.js';
import { createEntraAadOpt } from './entra-aad-opt.js';
import { createEntra } from './entra.js';
import { createGeneric } from './generic.js';
import { createJumpCloud } from './jumpcloud.js';
import { createOktaAiw } from './okta-aiw.js';
import { createOkta } from './okta.js';
import { createOneLogin } from './onelogin.js';
import { PROVIDER_NAMES, type Provider, type ProviderName } from './provider.js';

const FACTORIES: Record<ProviderName, () => Provider> = {
  okta: createOkta,
  'okta-aiw': createOktaAiw,
  entra: createEntra,
  'entra-aadOptscim062020': createEntraAadOpt,
  onelogin: createOneLogin,
  jumpcloud: createJumpCloud,
  authentik: createAuthentik,
  generic: createGeneric,
};

/** A fresh provider (some keep what they learned from the server during a run). */
export function createProvider(name: ProviderName): Provider {
  return FACTORIES[name]();
}

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}

export { PROVIDER_NAMES, type Provider, type ProviderName } from './provider.js';
