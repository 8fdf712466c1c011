/**
 * koffi declarations of the Windows types the Windows backend uses (its functions are in
 * iphlpapi-functions.ts),
 * with the x64 layouts of the Windows SDK (netioapi.h, ws2ipdef.h, winnt.h).
 * test/ffi/struct-layout.test.ts checks every size, alignment and offset declared
 * here against the mingw-w64 headers.
 *
 * The types are anonymous on purpose: koffi type names are process-wide, so a
 * second evaluation of this module (another bundle, a test worker) would collide
 * with the first over a name like 'SOCKADDR_INET'.
 */
import koffi, { type TypeObject } from 'koffi';

/** What koffi accepts where a type is expected (the package does not export the name). */
export type TypeSpec = Parameters<typeof koffi.sizeof>[0] | ReturnType<typeof koffi.out>;

export const DWORD = 'uint32_t';
const ULONG = 'uint32_t';
const ULONG64 = 'uint64_t';
/** Enumerations (IFTYPE, IF_OPER_STATUS, NDIS_MEDIUM...) are 32-bit on Windows. */
export const ENUM = 'uint32_t';
export const BOOLEAN = 'uint8_t';
/** BOOL, the advapi32 success flag: a 32-bit int, unlike BOOLEAN. */
export const BOOL = 'int32_t';
export const ADDRESS_FAMILY = 'uint16_t';
/** A COM result: negative on failure. */
export const HRESULT = 'int32_t';
/** A u64 with IfType in bits 48-63; koffi hands it over as a Number or a BigInt depending on size. */
export const NET_LUID = 'uint64_t';
export const NET_IFINDEX = 'uint32_t';
/** WCHAR[IF_MAX_STRING_SIZE + 1]: read as UTF-16 code units, decoded up to the first NUL. */
const IF_STRING = koffi.array('uint16_t', 257);
const PHYSICAL_ADDRESS = koffi.array('uint8_t', 32);
export const VOID_PTR = koffi.pointer('void');
export const VOID_PTR_OUT = koffi.out(koffi.pointer('void', 2));

/**
 * A union of sockaddr_in and sockaddr_in6 (align 4, 28 bytes). koffi decodes a union
 * as an empty object, so it is declared as its raw bytes and read by si_family
 * (see iphlpapi-decode.ts for the offsets inside).
 */
export const SOCKADDR_INET = koffi.struct({ bytes: [4, koffi.array('uint8_t', 28)] });

export const GUID = koffi.struct({
  Data1: 'uint32_t',
  Data2: 'uint16_t',
  Data3: 'uint16_t',
  Data4: koffi.array('uint8_t', 8),
});

export const MIB_ANYCASTIPADDRESS_ROW = koffi.struct({
  Address: SOCKADDR_INET,
  InterfaceLuid: NET_LUID,
  InterfaceIndex: NET_IFINDEX,
  ScopeId: ULONG,
});

export const MIB_IF_ROW2 = koffi.struct({
  InterfaceLuid: NET_LUID,
  InterfaceIndex: NET_IFINDEX,
  InterfaceGuid: GUID,
  Alias: IF_STRING,
  Description: IF_STRING,
  PhysicalAddressLength: ULONG,
  PhysicalAddress: PHYSICAL_ADDRESS,
  PermanentPhysicalAddress: PHYSICAL_ADDRESS,
  Mtu: ULONG,
  Type: ENUM,
  TunnelType: ENUM,
  MediaType: ENUM,
  PhysicalMediumType: ENUM,
  AccessType: ENUM,
  DirectionType: ENUM,
  /** Eight BOOLEAN bit-fields in one byte, declaration order from bit 0 (FilterInterface is bit 1). */
  InterfaceAndOperStatusFlags: 'uint8_t',
  OperStatus: ENUM,
  AdminStatus: ENUM,
  MediaConnectState: ENUM,
  NetworkGuid: GUID,
  ConnectionType: ENUM,
  TransmitLinkSpeed: ULONG64,
  ReceiveLinkSpeed: ULONG64,
  InOctets: ULONG64,
  InUcastPkts: ULONG64,
  InNUcastPkts: ULONG64,
  InDiscards: ULONG64,
  InErrors: ULONG64,
  InUnknownProtos: ULONG64,
  InUcastOctets: ULONG64,
  InMulticastOctets: ULONG64,
  InBroadcastOctets: ULONG64,
  OutOctets: ULONG64,
  OutUcastPkts: ULONG64,
  OutNUcastPkts: ULONG64,
  OutDiscards: ULONG64,
  OutErrors: ULONG64,
  OutUcastOctets: ULONG64,
  OutMulticastOctets: ULONG64,
  OutBroadcastOctets: ULONG64,
  OutQLen: ULONG64,
});

export const MIB_IPINTERFACE_ROW = koffi.struct({
  Family: ADDRESS_FAMILY,
  InterfaceLuid: NET_LUID,
  InterfaceIndex: NET_IFINDEX,
  MaxReassemblySize: ULONG,
  InterfaceIdentifier: ULONG64,
  MinRouterAdvertisementInterval: ULONG,
  MaxRouterAdvertisementInterval: ULONG,
  AdvertisingEnabled: BOOLEAN,
  ForwardingEnabled: BOOLEAN,
  WeakHostSend: BOOLEAN,
  WeakHostReceive: BOOLEAN,
  UseAutomaticMetric: BOOLEAN,
  UseNeighborUnreachabilityDetection: BOOLEAN,
  ManagedAddressConfigurationSupported: BOOLEAN,
  OtherStatefulConfigurationSupported: BOOLEAN,
  AdvertiseDefaultRoute: BOOLEAN,
  RouterDiscoveryBehavior: ENUM,
  DadTransmits: ULONG,
  BaseReachableTime: ULONG,
  RetransmitTime: ULONG,
  PathMtuDiscoveryTimeout: ULONG,
  LinkLocalAddressBehavior: ENUM,
  LinkLocalAddressTimeout: ULONG,
  /** ULONG[ScopeLevelCount] */
  ZoneIndices: koffi.array(ULONG, 16),
  SitePrefixLength: ULONG,
  Metric: ULONG,
  NlMtu: ULONG,
  Connected: BOOLEAN,
  SupportsWakeUpPatterns: BOOLEAN,
  SupportsNeighborDiscovery: BOOLEAN,
  SupportsRouterDiscovery: BOOLEAN,
  ReachableTime: ULONG,
  /** NL_INTERFACE_OFFLOAD_ROD: BOOLEAN bit-fields in one byte. */
  TransmitOffload: 'uint8_t',
  ReceiveOffload: 'uint8_t',
  DisableDefaultRoutes: BOOLEAN,
});

export const MIB_UNICASTIPADDRESS_ROW = koffi.struct({
  Address: SOCKADDR_INET,
  InterfaceLuid: NET_LUID,
  InterfaceIndex: NET_IFINDEX,
  PrefixOrigin: ENUM,
  SuffixOrigin: ENUM,
  ValidLifetime: ULONG,
  PreferredLifetime: ULONG,
  OnLinkPrefixLength: 'uint8_t',
  SkipAsSource: BOOLEAN,
  DadState: ENUM,
  /** SCOPE_ID: a union of a ULONG and the Zone:28 / Level:4 bit-fields inside it. */
  ScopeId: ULONG,
  /** LARGE_INTEGER, a union whose widest member is a LONGLONG. */
  CreationTimeStamp: 'int64_t',
});

/** The tables Get*Table returns: a count, then that many rows from `Table` on (ANY_SIZE is 1). */
const mibTable = (row: TypeObject) => koffi.struct({ NumEntries: ULONG, Table: koffi.array(row, 1) });
export const MIB_ANYCASTIPADDRESS_TABLE = mibTable(MIB_ANYCASTIPADDRESS_ROW);
export const MIB_IF_TABLE2 = mibTable(MIB_IF_ROW2);
export const MIB_IPINTERFACE_TABLE = mibTable(MIB_IPINTERFACE_ROW);
export const MIB_UNICASTIPADDRESS_TABLE = mibTable(MIB_UNICASTIPADDRESS_ROW);

export const SID_IDENTIFIER_AUTHORITY = koffi.struct({ Value: koffi.array('uint8_t', 6) });

/** What a new folder is created with (main/records/): its security descriptor, not inherited by child processes. */
export const SECURITY_ATTRIBUTES = koffi.struct({ nLength: DWORD, lpSecurityDescriptor: 'void *', bInheritHandle: BOOL });

/** Every struct above under its SDK name, for the layout test. */
export const WINDOWS_STRUCTS: Readonly<Record<string, TypeObject>> = {
  SOCKADDR_INET,
  GUID,
  MIB_ANYCASTIPADDRESS_ROW,
  MIB_ANYCASTIPADDRESS_TABLE,
  MIB_IF_ROW2,
  MIB_IF_TABLE2,
  MIB_IPINTERFACE_ROW,
  MIB_IPINTERFACE_TABLE,
  MIB_UNICASTIPADDRESS_ROW,
  MIB_UNICASTIPADDRESS_TABLE,
  SID_IDENTIFIER_AUTHORITY,
  SECURITY_ATTRIBUTES,
};

/** Scalar types whose size and alignment must match too. */
export const WINDOWS_SCALARS: Readonly<Record<string, string>> = { NET_LUID };

export const FORMAT_MESSAGE_FROM_SYSTEM = 0x1000;
export const FORMAT_MESSAGE_IGNORE_INSERTS = 0x200;
/** {0,0,0,0,0,5}: the authority of the well-known NT SIDs, BUILTIN\Administrators among them. */
export const SECURITY_NT_AUTHORITY = [0, 0, 0, 0, 0, 5] as const;
export const SECURITY_BUILTIN_DOMAIN_RID = 32;
export const DOMAIN_ALIAS_RID_ADMINS = 544;
/**
 * MIB_IF_TABLE_LEVEL: the interface table without the per-interface statistics, which the app
 * never shows and which cost Windows most of the work. The Windows SDK declares it after
 * MibIfTableNormal (0) and MibIfTableRaw (1) since Windows 10 1703; mingw-w64's header stops
 * at MibIfTableRaw. Older systems refuse it with ERROR_INVALID_PARAMETER.
 */
export const MIB_IF_TABLE_NORMAL_WITHOUT_STATISTICS = 2;

/** The row as an in parameter; made here, before the callback's type, as the next comment explains. */
export const ROW_IN = koffi.pointer(MIB_ANYCASTIPADDRESS_ROW);

/**
 * PIPINTERFACE_CHANGE_CALLBACK(CallerContext, Row, NotificationType). Row may be NULL and
 * the backend reads none of the three: any notification means "list again".
 * koffi numbers anonymous prototypes apart from anonymous structs, and finds a pointer type
 * by its name: made before ROW_IN, this prototype shares a name with SID_IDENTIFIER_AUTHORITY
 * and a pointer to one is taken for a pointer to the other (test/ffi fails).
 */
export const IP_INTERFACE_CHANGE_CALLBACK = koffi.proto('__stdcall', 'void', [VOID_PTR, VOID_PTR, ENUM]);
