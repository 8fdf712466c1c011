import koffi from 'koffi';
import * as t from '../main/backends/windows/iphlpapi-types';
const p = t.ANYCAST_FUNCTIONS.CreateAnycastIpAddressEntry.params[0] as any;
const i = (koffi as any).type ? (koffi as any).type(p) : null;
console.log(i && Object.keys(i), i?.primitive, i?.ref === t.MIB_ANYCASTIPADDRESS_ROW, i?.ref && (koffi as any).type(i.ref).name);
const cb = t.NOTIFY_FUNCTIONS.NotifyIpInterfaceChange.params[1] as any; console.log(koffi.introspect(cb));
console.log(koffi.introspect(t.KERNEL32_FUNCTIONS.FormatMessageW.result as any));
