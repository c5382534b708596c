// The safety threshold (pure). A source that suddenly lists far fewer people (an API glitch, a
// scope changed by mistake, a sync pointed at the wrong OU) must not deprovision a company: a run
// that would deactivate or delete more than the threshold's share of the directory's users, or
// delete more than that share of its groups, applies nothing destructive and waits for an
// administrator. An approval lets the next run remove up to what the held run would have.

export interface Removals {
  usersDeactivated: number;
  usersDeleted: number;
  groupsDeleted: number;
}

export interface SafetyInput extends Removals {
  /** Users and groups the directory holds before the run's removals. */
  usersInDirectory: number;
  groupsInDirectory: number;
  thresholdPercent: number;
  /** The removals of a held run an administrator approved, if any. */
  approved?: Removals | undefined;
}

export interface SafetyVerdict {
  hold: boolean;
  /** Shares removed, in percent (one decimal). */
  userSharePercent: number;
  groupSharePercent: number;
  /** Why the run is held, in a sentence an administrator can act on; empty when it is not. */
  reason: string;
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

function withinApproval(input: SafetyInput, approved: Removals): boolean {
  return input.usersDeactivated + input.usersDeleted <= approved.usersDeactivated + approved.usersDeleted && input.groupsDeleted <= approved.groupsDeleted;
}

export function safetyVerdict(input: SafetyInput): SafetyVerdict {
  const usersRemoved = input.usersDeactivated + input.usersDeleted;
  const userSharePercent = percent(usersRemoved, input.usersInDirectory);
  const groupSharePercent = percent(input.groupsDeleted, input.groupsInDirectory);
  const overUsers = usersRemoved > 0 && userSharePercent > input.thresholdPercent;
  const overGroups = input.groupsDeleted > 0 && groupSharePercent > input.thresholdPercent;
  if ((!overUsers && !overGroups) || (input.approved && withinApproval(input, input.approved))) {
    return { hold: false, userSharePercent, groupSharePercent, reason: '' };
  }
  const parts: string[] = [];
  if (overUsers) parts.push(`deactivate or delete ${usersRemoved} of ${input.usersInDirectory} users (${userSharePercent}%)`);
  if (overGroups) parts.push(`delete ${input.groupsDeleted} of ${input.groupsInDirectory} groups (${groupSharePercent}%)`);
  return {
    hold: true,
    userSharePercent,
    groupSharePercent,
    reason: `This sync would ${parts.join(' and ')}, more than the safety threshold of ${input.thresholdPercent}%. Nothing was removed; approve the run to apply it, or fix the source and sync again.`,
  };
}
