/** The computer and account the app runs as, for the audit trail and ticket details. */
import { hostname, userInfo } from 'node:os';

export function currentIdentity(): { machine: string; user: string } {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers) or no profile: the audit line still says something true.
    user = process.env.USERNAME ?? process.env.USER ?? 'unknown';
  }
  return { machine: hostname(), user };
}
