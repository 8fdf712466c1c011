/*
 * Sizes, alignments, offsets and constants of the Windows SDK (mingw-w64 headers),
 * printed as compile-time constants into assembly: compile with
 *   x86_64-w64-mingw32-gcc -S -o - layout-probe.c
 * and read the lines `.ascii "@probe <kind> <name...> <value>"`. Nothing is run, so
 * no Windows or Wine is needed; test/ffi/struct-layout.test.ts compares the values
 * with the koffi declarations in main/backends/windows/.
 *
 * Kinds: sizeof/alignof <type>, offsetof <type> <koffi member>, view <type> <C member
 * path> (offsets the decoder reads inside a union), const <name>, initializer <name>.
 * The bit-fields of MIB_IF_ROW2.InterfaceAndOperStatusFlags are not constants: each is
 * set alone in an object named probe_flag_<field>, whose byte the assembly spells out.
 */
#include <winsock2.h>
#include <ws2ipdef.h>
#include <iphlpapi.h>
#include <netioapi.h>
#include <sddl.h>
#include <aclapi.h>
#include <stddef.h>

#define PROBE(text, value) __asm__ volatile("\n.ascii \"@probe " text " %c0\"" ::"i"((unsigned long long)(value)))
#define TYPE(type) PROBE("sizeof " #type, sizeof(type)); PROBE("alignof " #type, _Alignof(type))
#define MEMBER(type, member) PROBE("offsetof " #type " " #member, offsetof(type, member))
#define VIEW(type, path) PROBE("view " #type " " #path, offsetof(type, path))
#define CONSTANT(name) PROBE("const " #name, name)
/* For macros that expand to a brace initializer rather than a number. */
#define TEXT_OF(...) #__VA_ARGS__
#define EXPANSION_OF(...) TEXT_OF(__VA_ARGS__)
#define INITIALIZER(name) __asm__ volatile("\n.ascii \"@probe initializer " #name " " EXPANSION_OF(name) "\"")
#define FLAG(field) \
  __attribute__((used)) const __typeof__(((MIB_IF_ROW2 *)0)->InterfaceAndOperStatusFlags) probe_flag_##field = {.field = 1}

FLAG(HardwareInterface);
FLAG(FilterInterface);
FLAG(ConnectorPresent);
FLAG(NotAuthenticated);
FLAG(NotMediaConnected);
FLAG(Paused);
FLAG(LowPower);
FLAG(EndPointInterface);

void probe(void) {
  /* koffi sees the SOCKADDR_INET union as its raw bytes, which start where the union does. */
  TYPE(SOCKADDR_INET);
  PROBE("offsetof SOCKADDR_INET bytes", offsetof(SOCKADDR_INET, si_family));
  VIEW(SOCKADDR_INET, si_family);
  VIEW(SOCKADDR_INET, Ipv4.sin_addr);
  VIEW(SOCKADDR_INET, Ipv6.sin6_addr);
  VIEW(SOCKADDR_INET, Ipv6.sin6_scope_id);

  TYPE(NET_LUID);

  TYPE(GUID);
  MEMBER(GUID, Data1);
  MEMBER(GUID, Data2);
  MEMBER(GUID, Data3);
  MEMBER(GUID, Data4);

  TYPE(MIB_ANYCASTIPADDRESS_ROW);
  MEMBER(MIB_ANYCASTIPADDRESS_ROW, Address);
  MEMBER(MIB_ANYCASTIPADDRESS_ROW, InterfaceLuid);
  MEMBER(MIB_ANYCASTIPADDRESS_ROW, InterfaceIndex);
  MEMBER(MIB_ANYCASTIPADDRESS_ROW, ScopeId);

  TYPE(MIB_ANYCASTIPADDRESS_TABLE);
  MEMBER(MIB_ANYCASTIPADDRESS_TABLE, NumEntries);
  MEMBER(MIB_ANYCASTIPADDRESS_TABLE, Table);

  TYPE(MIB_IF_ROW2);
  MEMBER(MIB_IF_ROW2, InterfaceLuid);
  MEMBER(MIB_IF_ROW2, InterfaceIndex);
  MEMBER(MIB_IF_ROW2, InterfaceGuid);
  MEMBER(MIB_IF_ROW2, Alias);
  MEMBER(MIB_IF_ROW2, Description);
  MEMBER(MIB_IF_ROW2, PhysicalAddressLength);
  MEMBER(MIB_IF_ROW2, PhysicalAddress);
  MEMBER(MIB_IF_ROW2, PermanentPhysicalAddress);
  MEMBER(MIB_IF_ROW2, Mtu);
  MEMBER(MIB_IF_ROW2, Type);
  MEMBER(MIB_IF_ROW2, TunnelType);
  MEMBER(MIB_IF_ROW2, MediaType);
  MEMBER(MIB_IF_ROW2, PhysicalMediumType);
  MEMBER(MIB_IF_ROW2, AccessType);
  MEMBER(MIB_IF_ROW2, DirectionType);
  MEMBER(MIB_IF_ROW2, InterfaceAndOperStatusFlags);
  MEMBER(MIB_IF_ROW2, OperStatus);
  MEMBER(MIB_IF_ROW2, AdminStatus);
  MEMBER(MIB_IF_ROW2, MediaConnectState);
  MEMBER(MIB_IF_ROW2, NetworkGuid);
  MEMBER(MIB_IF_ROW2, ConnectionType);
  MEMBER(MIB_IF_ROW2, TransmitLinkSpeed);
  MEMBER(MIB_IF_ROW2, ReceiveLinkSpeed);
  MEMBER(MIB_IF_ROW2, InOctets);
  MEMBER(MIB_IF_ROW2, InUcastPkts);
  MEMBER(MIB_IF_ROW2, InNUcastPkts);
  MEMBER(MIB_IF_ROW2, InDiscards);
  MEMBER(MIB_IF_ROW2, InErrors);
  MEMBER(MIB_IF_ROW2, InUnknownProtos);
  MEMBER(MIB_IF_ROW2, InUcastOctets);
  MEMBER(MIB_IF_ROW2, InMulticastOctets);
  MEMBER(MIB_IF_ROW2, InBroadcastOctets);
  MEMBER(MIB_IF_ROW2, OutOctets);
  MEMBER(MIB_IF_ROW2, OutUcastPkts);
  MEMBER(MIB_IF_ROW2, OutNUcastPkts);
  MEMBER(MIB_IF_ROW2, OutDiscards);
  MEMBER(MIB_IF_ROW2, OutErrors);
  MEMBER(MIB_IF_ROW2, OutUcastOctets);
  MEMBER(MIB_IF_ROW2, OutMulticastOctets);
  MEMBER(MIB_IF_ROW2, OutBroadcastOctets);
  MEMBER(MIB_IF_ROW2, OutQLen);

  TYPE(MIB_IF_TABLE2);
  MEMBER(MIB_IF_TABLE2, NumEntries);
  MEMBER(MIB_IF_TABLE2, Table);

  TYPE(MIB_IPINTERFACE_ROW);
  MEMBER(MIB_IPINTERFACE_ROW, Family);
  MEMBER(MIB_IPINTERFACE_ROW, InterfaceLuid);
  MEMBER(MIB_IPINTERFACE_ROW, InterfaceIndex);
  MEMBER(MIB_IPINTERFACE_ROW, MaxReassemblySize);
  MEMBER(MIB_IPINTERFACE_ROW, InterfaceIdentifier);
  MEMBER(MIB_IPINTERFACE_ROW, MinRouterAdvertisementInterval);
  MEMBER(MIB_IPINTERFACE_ROW, MaxRouterAdvertisementInterval);
  MEMBER(MIB_IPINTERFACE_ROW, AdvertisingEnabled);
  MEMBER(MIB_IPINTERFACE_ROW, ForwardingEnabled);
  MEMBER(MIB_IPINTERFACE_ROW, WeakHostSend);
  MEMBER(MIB_IPINTERFACE_ROW, WeakHostReceive);
  MEMBER(MIB_IPINTERFACE_ROW, UseAutomaticMetric);
  MEMBER(MIB_IPINTERFACE_ROW, UseNeighborUnreachabilityDetection);
  MEMBER(MIB_IPINTERFACE_ROW, ManagedAddressConfigurationSupported);
  MEMBER(MIB_IPINTERFACE_ROW, OtherStatefulConfigurationSupported);
  MEMBER(MIB_IPINTERFACE_ROW, AdvertiseDefaultRoute);
  MEMBER(MIB_IPINTERFACE_ROW, RouterDiscoveryBehavior);
  MEMBER(MIB_IPINTERFACE_ROW, DadTransmits);
  MEMBER(MIB_IPINTERFACE_ROW, BaseReachableTime);
  MEMBER(MIB_IPINTERFACE_ROW, RetransmitTime);
  MEMBER(MIB_IPINTERFACE_ROW, PathMtuDiscoveryTimeout);
  MEMBER(MIB_IPINTERFACE_ROW, LinkLocalAddressBehavior);
  MEMBER(MIB_IPINTERFACE_ROW, LinkLocalAddressTimeout);
  MEMBER(MIB_IPINTERFACE_ROW, ZoneIndices);
  MEMBER(MIB_IPINTERFACE_ROW, SitePrefixLength);
  MEMBER(MIB_IPINTERFACE_ROW, Metric);
  MEMBER(MIB_IPINTERFACE_ROW, NlMtu);
  MEMBER(MIB_IPINTERFACE_ROW, Connected);
  MEMBER(MIB_IPINTERFACE_ROW, SupportsWakeUpPatterns);
  MEMBER(MIB_IPINTERFACE_ROW, SupportsNeighborDiscovery);
  MEMBER(MIB_IPINTERFACE_ROW, SupportsRouterDiscovery);
  MEMBER(MIB_IPINTERFACE_ROW, ReachableTime);
  MEMBER(MIB_IPINTERFACE_ROW, TransmitOffload);
  MEMBER(MIB_IPINTERFACE_ROW, ReceiveOffload);
  MEMBER(MIB_IPINTERFACE_ROW, DisableDefaultRoutes);

  TYPE(MIB_IPINTERFACE_TABLE);
  MEMBER(MIB_IPINTERFACE_TABLE, NumEntries);
  MEMBER(MIB_IPINTERFACE_TABLE, Table);

  TYPE(MIB_UNICASTIPADDRESS_ROW);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, Address);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, InterfaceLuid);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, InterfaceIndex);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, PrefixOrigin);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, SuffixOrigin);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, ValidLifetime);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, PreferredLifetime);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, OnLinkPrefixLength);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, SkipAsSource);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, DadState);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, ScopeId);
  MEMBER(MIB_UNICASTIPADDRESS_ROW, CreationTimeStamp);

  TYPE(MIB_UNICASTIPADDRESS_TABLE);
  MEMBER(MIB_UNICASTIPADDRESS_TABLE, NumEntries);
  MEMBER(MIB_UNICASTIPADDRESS_TABLE, Table);

  TYPE(MIB_IF_TABLE_LEVEL);

  TYPE(SID_IDENTIFIER_AUTHORITY);
  MEMBER(SID_IDENTIFIER_AUTHORITY, Value);

  TYPE(SECURITY_ATTRIBUTES);
  MEMBER(SECURITY_ATTRIBUTES, nLength);
  MEMBER(SECURITY_ATTRIBUTES, lpSecurityDescriptor);
  MEMBER(SECURITY_ATTRIBUTES, bInheritHandle);

  CONSTANT(AF_UNSPEC);
  CONSTANT(AF_INET);
  CONSTANT(AF_INET6);
  CONSTANT(IF_MAX_STRING_SIZE);
  CONSTANT(IF_MAX_PHYS_ADDRESS_LENGTH);
  CONSTANT(ScopeLevelCount);
  CONSTANT(IfOperStatusUp);
  CONSTANT(IfOperStatusDown);
  CONSTANT(IfOperStatusTesting);
  CONSTANT(IfOperStatusUnknown);
  CONSTANT(IfOperStatusDormant);
  CONSTANT(IfOperStatusNotPresent);
  CONSTANT(IfOperStatusLowerLayerDown);
  CONSTANT(MibIfTableNormal);
  CONSTANT(MibIfTableRaw);
  CONSTANT(FORMAT_MESSAGE_FROM_SYSTEM);
  CONSTANT(FORMAT_MESSAGE_IGNORE_INSERTS);
  INITIALIZER(SECURITY_NT_AUTHORITY);
  CONSTANT(SECURITY_BUILTIN_DOMAIN_RID);
  CONSTANT(DOMAIN_ALIAS_RID_ADMINS);
  CONSTANT(NO_ERROR);
  CONSTANT(ERROR_FILE_NOT_FOUND);
  CONSTANT(ERROR_PATH_NOT_FOUND);
  CONSTANT(ERROR_WRITE_PROTECT);
  CONSTANT(ERROR_WRITE_FAULT);
  CONSTANT(ERROR_DISK_FULL);
  CONSTANT(ERROR_FILE_EXISTS);
  CONSTANT(ERROR_ALREADY_EXISTS);
  CONSTANT(SDDL_REVISION_1);
  CONSTANT(SE_FILE_OBJECT);
  CONSTANT(OWNER_SECURITY_INFORMATION);
  CONSTANT(DACL_SECURITY_INFORMATION);
  CONSTANT(ERROR_ACCESS_DENIED);
  CONSTANT(ERROR_NOT_SUPPORTED);
  CONSTANT(ERROR_INVALID_PARAMETER);
  CONSTANT(ERROR_PROC_NOT_FOUND);
  CONSTANT(ERROR_NOT_FOUND);
  CONSTANT(ERROR_INTERNAL_ERROR);
  CONSTANT(ERROR_OBJECT_ALREADY_EXISTS);
}
