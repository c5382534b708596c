import { createContext, useContext } from 'react';
import type { ApiClient } from '../shared/api.js';

export interface DashboardContextValue {
  api: ApiClient;
  admin: { id: string; email: string };
}

export const DashboardContext = createContext<DashboardContextValue | undefined>(undefined);

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('useDashboard outside the signed-in dashboard');
  return value;
}
