// Event ids (`evt_` + ids.ts's time-ordered encoding) sort by creation time, so "every event
// since T" is a key range. This is the smallest id of time T: every event created at or after
// T sorts at or after it. Keep in step with ids.ts (the test below pins that).

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function eventIdBefore(time: Date): string {
  let value = Math.max(0, time.getTime());
  let encoded = '';
  for (let index = 0; index < 10; index++) {
    encoded = ALPHABET[value % 32] + encoded;
    value = Math.floor(value / 32);
  }
  return `evt_${encoded}`;
}
