import { useEffect, useState } from 'react';
import type { Directory } from '../types.js';

/**
 * A version number for the directory's lists, bumped when what they show changed (counts, the
 * last update of users or groups, a pulled directory's last sync run), not at every poll of the
 * directory; `refresh`, for after an action of this screen: reload the directory and bump the
 * lists at once; and `changed`, the same for an action that answered with the directory.
 */
export function useDirectoryRefresh(directory: Directory | undefined, reload: () => Promise<void>, setData: (directory: Directory) => void) {
  const [version, setVersion] = useState(0);
  const changeMark = directory ? `${directory.total_users}:${directory.total_groups}:${directory.stats.user_updated_at}:${directory.stats.group_updated_at}:${directory.source?.last_run?.id ?? ''}` : '';
  useEffect(() => setVersion((value) => value + 1), [changeMark]);
  const bump = () => setVersion((value) => value + 1);
  const refresh = () => {
    void reload();
    bump();
  };
  const changed = (updated: Directory) => {
    setData(updated);
    bump();
  };
  return { version, refresh, changed };
}
