import koffi from 'koffi';
import * as t from '../main/backends/windows/iphlpapi-types';
for (const group of [t.IPHLPAPI_FUNCTIONS, t.ANYCAST_FUNCTIONS, t.NOTIFY_FUNCTIONS, t.IF_TABLE2_EX_FUNCTIONS]) for (const [n, f] of Object.entries(group)) {
  console.log(n, JSON.stringify(f.params.map((p: any) => { try { const i = koffi.introspect(p); return [i.name, i.primitive, i.size, i.ref && koffi.introspect(i.ref).primitive]; } catch (e) { return ['ERR', String(p), Object.keys(p), (e as Error).message]; } })));
}
