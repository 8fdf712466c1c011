/**
 * Whether this process runs with administrator rights: membership of BUILTIN\Administrators
 * in the process token. Under UAC an administrator's unelevated token carries that group
 * as deny-only, and CheckTokenMembership reports it as not a member, which is the answer
 * the anycast writes care about.
 */
import {
  DOMAIN_ALIAS_RID_ADMINS,
  SECURITY_BUILTIN_DOMAIN_RID,
  SECURITY_NT_AUTHORITY,
} from './iphlpapi-types';
import type { Advapi32Bindings, Out, Pointer } from './iphlpapi-functions';

export async function isElevated(advapi32: Advapi32Bindings): Promise<boolean> {
  const sid: Out<Pointer> = [null];
  const allocated = await advapi32.AllocateAndInitializeSid(
    { Value: [...SECURITY_NT_AUTHORITY] },
    2,
    SECURITY_BUILTIN_DOMAIN_RID,
    DOMAIN_ALIAS_RID_ADMINS,
    0, 0, 0, 0, 0, 0,
    sid,
  );
  const administrators = sid[0];
  if (!allocated || administrators === null) return false;
  try {
    const isMember: Out<number> = [0];
    // A NULL token means "the caller's own": the thread's impersonation token, else the process
    // token. The worker thread this runs on impersonates no one, so it is the process token.
    return (await advapi32.CheckTokenMembership(null, administrators, isMember)) !== 0 && isMember[0] !== 0;
  } finally {
    advapi32.FreeSid(administrators);
  }
}
