import type { DirectoryProvider } from './types.js';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "in 2 hours", "just now". */
export function timeAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 10) return 'just now';
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') return relative.format(Math.round(seconds / size), unit);
  }
  return iso;
}

const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');

const number = new Intl.NumberFormat('en');
export const formatNumber = (value: number): string => number.format(value);

export const PROVIDER_LABELS: Record<DirectoryProvider, string> = {
  OKTA: 'Okta',
  AZURE_AD: 'Microsoft Entra ID',
  GOOGLE: 'Google Workspace',
  ONELOGIN: 'OneLogin',
  JUMPCLOUD: 'JumpCloud',
  PING_IDENTITY: 'PingIdentity',
  AUTHENTIK: 'authentik',
  OTHER: 'Other SCIM 2.0',
  BAMBOOHR: 'BambooHR',
};

export const providerLabel = (provider: string): string => PROVIDER_LABELS[provider as DirectoryProvider] ?? provider;

export function initials(text: string): string {
  const words = text.replace(/@.*/, '').split(/[\s._-]+/).filter(Boolean);
  return ((words[0]?.[0] ?? '?') + (words[1]?.[0] ?? '')).toUpperCase();
}

export const plural = (count: number, one: string, many = `${one}s`): string => `${formatNumber(count)} ${count === 1 ? one : many}`;
