/*
 * A stand-in for iphlpapi.dll, kernel32.dll and advapi32.dll, built on Linux with the
 * system C compiler so the Windows backend's koffi bindings run unchanged off Windows.
 *
 * Structures use the x64 Windows layouts with fixed-width types only (ULONG is 32-bit
 * and WCHAR 16-bit on Windows; long and wchar_t differ on Linux). The functions have
 * the Windows signatures; on x86-64 Linux koffi calls them with the System V
 * convention, the platform's one, which is also what it uses for __stdcall there.
 *
 * Behaviour follows the API document (CreateAnycastIpAddressEntry.md) and matches the
 * simulated backend: the LUID decides the interface unless it is zero, then the index;
 * ScopeId is ignored on create and filled from the interface (its index for an IPv6
 * link-local address, 0 otherwise); one copy of an address per interface; a family
 * needs its stack on the machine and the interface; writes need administrator rights.
 *
 * Test controls (Fake*) make it act unelevated or without an IPv4 stack, answer
 * GetIpInterfaceTable as Wine 8's stub does, fail a table call or the notification
 * registration, return rows that carry only one of LUID and index, or return a broken
 * row; change an interface's status and notify from another thread, as Windows does;
 * and count the tables, SIDs and notification registrations not yet released. Built with
 * -DNO_ANYCAST_EXPORTS it lacks the four anycast functions, as Wine's iphlpapi.dll does;
 * with -DNO_IF_TABLE2_EX it lacks GetIfTable2Ex.
 *
 * The backend calls in from libuv's worker threads (koffi's .async), several at once, as
 * Windows allows: every export that touches the machine's state holds one lock. Controls
 * for that make every table read and anycast row call slow (FakeSetCallDelay), count the
 * table reads, and fail the read back of an entry just created.
 *
 * Benchmark exports (FakeBench*, used by test/bench) seed a server-sized machine and time
 * plain C loops over the same functions: the physical limit the koffi binding is compared with.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uchar.h>

#define EXPORT __attribute__((visibility("default")))

#define NO_ERROR 0u
#define ERROR_FILE_NOT_FOUND 2u
#define ERROR_ACCESS_DENIED 5u
#define ERROR_INVALID_HANDLE 6u
#define ERROR_NOT_SUPPORTED 50u
#define ERROR_INVALID_PARAMETER 87u
#define ERROR_NOT_ENOUGH_MEMORY 8u
#define ERROR_NOT_FOUND 1168u
#define ERROR_TIMEOUT 1460u
#define ERROR_OBJECT_ALREADY_EXISTS 5010u

#define AF_UNSPEC 0
#define AF_INET 2
#define AF_INET6 23

#define IF_MAX_STRING_SIZE 256
#define FORMAT_MESSAGE_IGNORE_INSERTS 0x200u
#define FORMAT_MESSAGE_FROM_SYSTEM 0x1000u

/* ---- Windows structures (x64 layout) ---- */

typedef union {
  uint16_t si_family;
  struct {
    uint16_t sin_family;
    uint16_t sin_port;
    uint8_t sin_addr[4];
    uint8_t sin_zero[8];
  } Ipv4;
  struct {
    uint16_t sin6_family;
    uint16_t sin6_port;
    uint32_t sin6_flowinfo;
    uint8_t sin6_addr[16];
    uint32_t sin6_scope_id;
  } Ipv6;
} SOCKADDR_INET;

typedef struct {
  SOCKADDR_INET Address;
  uint64_t InterfaceLuid;
  uint32_t InterfaceIndex;
  uint32_t ScopeId;
} MIB_ANYCASTIPADDRESS_ROW;

typedef struct {
  uint32_t NumEntries;
  MIB_ANYCASTIPADDRESS_ROW Table[1];
} MIB_ANYCASTIPADDRESS_TABLE;

typedef struct {
  uint32_t Data1;
  uint16_t Data2;
  uint16_t Data3;
  uint8_t Data4[8];
} GUID;

typedef struct {
  uint64_t InterfaceLuid;
  uint32_t InterfaceIndex;
  GUID InterfaceGuid;
  char16_t Alias[IF_MAX_STRING_SIZE + 1];
  char16_t Description[IF_MAX_STRING_SIZE + 1];
  uint32_t PhysicalAddressLength;
  uint8_t PhysicalAddress[32];
  uint8_t PermanentPhysicalAddress[32];
  uint32_t Mtu;
  uint32_t Type;
  uint32_t TunnelType;
  uint32_t MediaType;
  uint32_t PhysicalMediumType;
  uint32_t AccessType;
  uint32_t DirectionType;
  uint8_t InterfaceAndOperStatusFlags; /* bit 0 HardwareInterface, bit 1 FilterInterface, ... */
  uint32_t OperStatus;
  uint32_t AdminStatus;
  uint32_t MediaConnectState;
  GUID NetworkGuid;
  uint32_t ConnectionType;
  uint64_t TransmitLinkSpeed;
  uint64_t ReceiveLinkSpeed;
  uint64_t Counters[18]; /* InOctets .. OutQLen */
} MIB_IF_ROW2;

typedef struct {
  uint32_t NumEntries;
  MIB_IF_ROW2 Table[1];
} MIB_IF_TABLE2;

typedef struct {
  uint16_t Family;
  uint64_t InterfaceLuid;
  uint32_t InterfaceIndex;
  uint32_t MaxReassemblySize;
  uint64_t InterfaceIdentifier;
  uint32_t MinRouterAdvertisementInterval;
  uint32_t MaxRouterAdvertisementInterval;
  uint8_t Flags[9]; /* AdvertisingEnabled .. AdvertiseDefaultRoute */
  uint32_t RouterDiscoveryBehavior;
  uint32_t DadTransmits;
  uint32_t BaseReachableTime;
  uint32_t RetransmitTime;
  uint32_t PathMtuDiscoveryTimeout;
  uint32_t LinkLocalAddressBehavior;
  uint32_t LinkLocalAddressTimeout;
  uint32_t ZoneIndices[16];
  uint32_t SitePrefixLength;
  uint32_t Metric;
  uint32_t NlMtu;
  uint8_t Connected;
  uint8_t SupportsWakeUpPatterns;
  uint8_t SupportsNeighborDiscovery;
  uint8_t SupportsRouterDiscovery;
  uint32_t ReachableTime;
  uint8_t TransmitOffload;
  uint8_t ReceiveOffload;
  uint8_t DisableDefaultRoutes;
} MIB_IPINTERFACE_ROW;

typedef struct {
  uint32_t NumEntries;
  MIB_IPINTERFACE_ROW Table[1];
} MIB_IPINTERFACE_TABLE;

typedef struct {
  SOCKADDR_INET Address;
  uint64_t InterfaceLuid;
  uint32_t InterfaceIndex;
  uint32_t PrefixOrigin;
  uint32_t SuffixOrigin;
  uint32_t ValidLifetime;
  uint32_t PreferredLifetime;
  uint8_t OnLinkPrefixLength;
  uint8_t SkipAsSource;
  uint32_t DadState;
  uint32_t ScopeId;
  int64_t CreationTimeStamp;
} MIB_UNICASTIPADDRESS_ROW;

typedef struct {
  uint32_t NumEntries;
  MIB_UNICASTIPADDRESS_ROW Table[1];
} MIB_UNICASTIPADDRESS_TABLE;

typedef void (*IP_INTERFACE_CHANGE_CALLBACK)(void *context, MIB_IPINTERFACE_ROW *row, uint32_t notification_type);

typedef struct {
  uint8_t Value[6];
} SID_IDENTIFIER_AUTHORITY;

/* Guards against a typing slip here; the SDK itself is checked by the layout test. */
_Static_assert(sizeof(SOCKADDR_INET) == 28, "SOCKADDR_INET");
_Static_assert(sizeof(MIB_ANYCASTIPADDRESS_ROW) == 48, "MIB_ANYCASTIPADDRESS_ROW");
_Static_assert(offsetof(MIB_ANYCASTIPADDRESS_TABLE, Table) == 8, "MIB_ANYCASTIPADDRESS_TABLE");
_Static_assert(sizeof(MIB_IF_ROW2) == 1352, "MIB_IF_ROW2");
_Static_assert(offsetof(MIB_IF_ROW2, OperStatus) == 1156, "MIB_IF_ROW2.OperStatus");
_Static_assert(sizeof(MIB_IPINTERFACE_ROW) == 168, "MIB_IPINTERFACE_ROW");
_Static_assert(offsetof(MIB_IPINTERFACE_ROW, NlMtu) == 152, "MIB_IPINTERFACE_ROW.NlMtu");
_Static_assert(sizeof(MIB_UNICASTIPADDRESS_ROW) == 80, "MIB_UNICASTIPADDRESS_ROW");
_Static_assert(offsetof(MIB_UNICASTIPADDRESS_TABLE, Table) == 8, "MIB_UNICASTIPADDRESS_TABLE");

/* ---- The fake machine ---- */

#define LUID(if_type, net_luid_index) (((uint64_t)(if_type) << 48) | ((uint64_t)(net_luid_index) << 24))

enum { IF_TYPE_ETHERNET = 6, IF_TYPE_LOOPBACK = 24, IF_TYPE_WIFI = 71, IF_TYPE_TUNNEL = 131 };
enum { UP = 1, DOWN = 2 };

typedef struct {
  uint64_t luid;
  uint32_t index;
  const char16_t *alias;
  const char16_t *description;
  uint32_t type;
  uint32_t oper_status;
  uint8_t mac[6];
  uint32_t mac_length;
  uint32_t mtu;
  int ipv4;
  int ipv6;
  int filter; /* an NDIS filter-driver view of an adapter: no IP stack */
} Interface;

/* Like the simulated backend's seed, plus a filter interface and a non-ASCII alias. */
static const Interface INTERFACES[] = {
  {LUID(IF_TYPE_ETHERNET, 1), 12, u"Ethernet", u"Intel(R) Ethernet Connection (7) I219-LM", IF_TYPE_ETHERNET, UP,
   {0x3C, 0x52, 0x82, 0x4A, 0x1B, 0x7E}, 6, 1500, 1, 1, 0},
  {LUID(IF_TYPE_WIFI, 1), 18, u"Wi-Fi", u"Intel(R) Wi-Fi 6 AX201 160MHz", IF_TYPE_WIFI, UP,
   {0x8C, 0xC6, 0x81, 0x2F, 0x90, 0xD4}, 6, 1500, 1, 1, 0},
  {LUID(IF_TYPE_ETHERNET, 2), 23, u"Ethernet 2 (Büro)", u"Realtek USB GbE Family Controller", IF_TYPE_ETHERNET, DOWN,
   {0x00, 0xE0, 0x4C, 0x68, 0x0A, 0x31}, 6, 1500, 1, 1, 0},
  {LUID(IF_TYPE_LOOPBACK, 0), 1, u"Loopback Pseudo-Interface 1", u"Software Loopback Interface 1", IF_TYPE_LOOPBACK, UP,
   {0}, 0, 4294967295u, 1, 1, 0},
  {LUID(IF_TYPE_TUNNEL, 1), 14, u"Teredo Tunneling Pseudo-Interface", u"Microsoft Teredo Tunneling Adapter", IF_TYPE_TUNNEL, UP,
   {0}, 0, 1280, 0, 1, 0},
  {LUID(IF_TYPE_ETHERNET, 3), 31, u"vEthernet (Lab)", u"Hyper-V Virtual Ethernet Adapter", IF_TYPE_ETHERNET, UP,
   {0x00, 0x15, 0x5D, 0x01, 0x6E, 0x02}, 6, 1500, 1, 0, 0},
  {LUID(IF_TYPE_ETHERNET, 4), 40, u"Ethernet-WFP Native MAC Layer LightWeight Filter-0000",
   u"Intel(R) Ethernet Connection (7) I219-LM-WFP Native MAC Layer LightWeight Filter-0000", IF_TYPE_ETHERNET, UP,
   {0x3C, 0x52, 0x82, 0x4A, 0x1B, 0x7E}, 6, 1500, 0, 0, 1},
};
#define INTERFACE_COUNT (sizeof INTERFACES / sizeof INTERFACES[0])

/* Room for the benchmark's generated machine (FakeBenchSeed); the seeded one is far smaller. */
#define MAX_INTERFACES 256
_Static_assert(INTERFACE_COUNT <= MAX_INTERFACES, "MAX_INTERFACES");
/* Anycast rows stored before a create fails with ERROR_NOT_ENOUGH_MEMORY; the benchmark's machine holds more. */
#define MAX_ENTRIES 4096
#define MAX_BENCH_ENTRIES 16384

/* The machine's interfaces: the seeded ones, or the benchmark's until FakeReset. */
static const Interface *interfaces = INTERFACES;
static size_t interface_count = INTERFACE_COUNT;
static uint32_t entry_count; /* anycast rows stored */
static uint32_t entry_limit = MAX_ENTRIES; /* FakeBenchSeed raises it to MAX_BENCH_ENTRIES */
static uint32_t oper_status_set[MAX_INTERFACES]; /* FakeSetOperStatus's, 0 for the seeded one */
static int elevated = 1;
static int ipv4_stack = 1;
static int ipv6_stack = 1;
static int ip_interface_table_stub;
static uint32_t notify_fail_code;
static int sparse_rows;
static int bad_row_pending;
static uint32_t fail_after = UINT32_MAX; /* table calls to let through before failing one */
static uint32_t fail_code;
static int64_t outstanding_tables;
static int64_t outstanding_sids;
static int without_statistics_level = 1; /* GetIfTable2Ex takes MibIfTableNormalWithoutStatistics (Windows 10 1703 on) */
static uint32_t entry_read_fail_code; /* the next GetAnycastIpAddressEntry fails with it (0: none) */
static int64_t table_reads;
static atomic_uint call_delay_ms;

static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static void release_state(int *held) {
  (void)held;
  pthread_mutex_unlock(&state_lock);
}
/* Holds the state lock until the enclosing function returns, whichever return it takes. */
#define HOLD_STATE() __attribute__((cleanup(release_state))) int state_held = pthread_mutex_lock(&state_lock)

/* FakeSetCallDelay's wait, taken before the lock so that slow calls overlap as they do on Windows. */
static void take_time(void) {
  unsigned ms = atomic_load(&call_delay_ms);
  if (!ms) return;
  struct timespec wait = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L};
  while (nanosleep(&wait, &wait) != 0 && errno == EINTR) {
  }
}

/* ---- Test controls ---- */

EXPORT void FakeReset(void) {
  HOLD_STATE();
  interfaces = INTERFACES;
  interface_count = INTERFACE_COUNT;
  entry_count = 0;
  entry_limit = MAX_ENTRIES;
  memset(oper_status_set, 0, sizeof oper_status_set);
  elevated = 1;
  ipv4_stack = 1;
  ipv6_stack = 1;
  ip_interface_table_stub = 0;
  notify_fail_code = 0;
  sparse_rows = 0;
  bad_row_pending = 0;
  fail_after = UINT32_MAX;
  fail_code = 0;
  without_statistics_level = 1;
  entry_read_fail_code = 0;
  atomic_store(&call_delay_ms, 0);
}
EXPORT void FakeSetElevated(int32_t on) { elevated = on != 0; }
EXPORT void FakeSetIpv4Stack(int32_t on) { ipv4_stack = on != 0; }
/* Every table read and anycast row call takes `ms` longer, as on a machine full of virtual adapters. */
EXPORT void FakeSetCallDelay(uint32_t ms) { atomic_store(&call_delay_ms, ms); }
/* GetIf/IpInterface/UnicastIpAddress/AnycastIpAddress table calls made so far, failed ones included. */
EXPORT int64_t FakeTableReads(void) {
  HOLD_STATE();
  return table_reads;
}
/* off: GetIfTable2Ex refuses MibIfTableNormalWithoutStatistics with ERROR_INVALID_PARAMETER, as before Windows 10 1703. */
EXPORT void FakeSetWithoutStatisticsLevel(int32_t on) {
  HOLD_STATE();
  without_statistics_level = on != 0;
}
/* The next GetAnycastIpAddressEntry fails with `code`, as if the entry vanished between a create and its read back. */
EXPORT void FakeFailEntryRead(uint32_t code) {
  HOLD_STATE();
  entry_read_fail_code = code;
}
/* GetIpInterfaceTable answers ERROR_NOT_SUPPORTED for every family, as Wine 8's stub does. */
EXPORT void FakeSetIpInterfaceTableStub(int32_t on) { ip_interface_table_stub = on != 0; }
/* NotifyIpInterfaceChange fails with `code` (0: succeeds again). */
EXPORT void FakeFailNotify(uint32_t code) { notify_fail_code = code; }
/* Rows returned carry only the LUID (IPv4) or only the index (IPv6), as if Windows left one out. */
EXPORT void FakeSetSparseRows(int32_t on) { sparse_rows = on != 0; }
/* The next anycast table holds one extra row whose family is neither AF_INET nor AF_INET6. */
EXPORT void FakeInjectBadRow(void) { bad_row_pending = 1; }
/* Let `after` table calls through, then fail the next one with `code` (without allocating). */
EXPORT void FakeFailTableCall(uint32_t after, uint32_t code) {
  HOLD_STATE();
  fail_after = after;
  fail_code = code;
}
EXPORT int64_t FakeOutstandingTables(void) {
  HOLD_STATE();
  return outstanding_tables;
}
EXPORT int64_t FakeOutstandingSids(void) {
  HOLD_STATE();
  return outstanding_sids;
}

/* ---- Helpers ---- */

static int family_has_stack(uint16_t family) { return family == AF_INET ? ipv4_stack : ipv6_stack; }

static int interface_has(const Interface *iface, uint16_t family) {
  return family_has_stack(family) && (family == AF_INET ? iface->ipv4 : iface->ipv6);
}

static const Interface *find_by_luid(uint64_t luid) {
  for (size_t i = 0; i < interface_count; i++)
    if (interfaces[i].luid == luid) return &interfaces[i];
  return NULL;
}

static const Interface *find_by_index(uint32_t index) {
  for (size_t i = 0; i < interface_count; i++)
    if (interfaces[i].index == index) return &interfaces[i];
  return NULL;
}

static uint32_t oper_status_of(const Interface *iface) {
  uint32_t set = oper_status_set[iface - interfaces];
  return set ? set : iface->oper_status;
}

/* Counts a table read; returns nonzero when the injected failure is due on it. */
static int table_call_fails(void) {
  table_reads++;
  if (fail_after == UINT32_MAX) return 0;
  if (fail_after > 0) {
    fail_after--;
    return 0;
  }
  fail_after = UINT32_MAX;
  return 1;
}

static void *allocate_table(size_t row_offset, size_t row_size, uint32_t rows) {
  void *table = calloc(1, row_offset + row_size * (rows ? rows : 1));
  if (table) outstanding_tables++;
  return table;
}

static size_t copy_utf16(char16_t *dest, const char16_t *src) {
  size_t n = 0;
  while (src[n] && n < IF_MAX_STRING_SIZE) {
    dest[n] = src[n];
    n++;
  }
  dest[n] = 0;
  return n;
}

/* ---- iphlpapi: interfaces ---- */

EXPORT void FreeMibTable(void *memory) {
  if (!memory) return;
  HOLD_STATE();
  free(memory);
  outstanding_tables--;
}

enum { MIB_IF_TABLE_NORMAL, MIB_IF_TABLE_RAW, MIB_IF_TABLE_NORMAL_WITHOUT_STATISTICS };

/* GetIfTable2's rows; without statistics the counters stay zero, as Windows leaves them. */
static uint32_t read_if_table(uint32_t level, MIB_IF_TABLE2 **table) {
  if (!table) return ERROR_INVALID_PARAMETER;
  *table = NULL;
  if (table_call_fails()) return fail_code;
  if (level > MIB_IF_TABLE_NORMAL_WITHOUT_STATISTICS || (level == MIB_IF_TABLE_NORMAL_WITHOUT_STATISTICS && !without_statistics_level))
    return ERROR_INVALID_PARAMETER;
  MIB_IF_TABLE2 *t = allocate_table(offsetof(MIB_IF_TABLE2, Table), sizeof(MIB_IF_ROW2), interface_count);
  if (!t) return ERROR_NOT_ENOUGH_MEMORY;
  for (size_t i = 0; i < interface_count; i++) {
    const Interface *iface = &interfaces[i];
    MIB_IF_ROW2 *row = &t->Table[i];
    row->InterfaceLuid = iface->luid;
    row->InterfaceIndex = iface->index;
    row->InterfaceGuid.Data1 = iface->index;
    copy_utf16(row->Alias, iface->alias);
    copy_utf16(row->Description, iface->description);
    row->PhysicalAddressLength = iface->mac_length;
    memcpy(row->PhysicalAddress, iface->mac, iface->mac_length);
    memcpy(row->PermanentPhysicalAddress, iface->mac, iface->mac_length);
    row->Mtu = iface->mtu;
    row->Type = iface->type;
    row->InterfaceAndOperStatusFlags = (uint8_t)((iface->filter ? 0x02 : 0x01) | (iface->mac_length ? 0x04 : 0));
    row->OperStatus = oper_status_of(iface);
    row->AdminStatus = 1;
    row->MediaConnectState = row->OperStatus == UP ? 1 : 2;
    row->TransmitLinkSpeed = row->ReceiveLinkSpeed = 1000000000ull;
    if (level != MIB_IF_TABLE_NORMAL_WITHOUT_STATISTICS) row->Counters[0] = 123456789012ull;
  }
  t->NumEntries = interface_count;
  *table = t;
  return NO_ERROR;
}

EXPORT uint32_t GetIfTable2(MIB_IF_TABLE2 **table) {
  take_time();
  HOLD_STATE();
  return read_if_table(MIB_IF_TABLE_NORMAL, table);
}

#ifndef NO_IF_TABLE2_EX
EXPORT uint32_t GetIfTable2Ex(uint32_t level, MIB_IF_TABLE2 **table) {
  take_time();
  HOLD_STATE();
  return read_if_table(level, table);
}
#endif

/* Rows in a per-interface-and-family table: one for each stack each interface carries. */
static uint32_t stack_row_count(uint16_t family) {
  uint32_t count = 0;
  for (size_t i = 0; i < interface_count; i++)
    count += (family != AF_INET6 && interface_has(&interfaces[i], AF_INET)) +
             (family != AF_INET && interface_has(&interfaces[i], AF_INET6));
  return count;
}

static void fill_ip_interface_row(MIB_IPINTERFACE_ROW *row, const Interface *iface, uint16_t family) {
  row->Family = family;
  row->InterfaceLuid = iface->luid;
  row->InterfaceIndex = iface->index;
  row->NlMtu = iface->mtu;
  row->Connected = oper_status_of(iface) == UP;
  row->Metric = 25;
}

EXPORT uint32_t GetIpInterfaceTable(uint16_t family, MIB_IPINTERFACE_TABLE **table) {
  take_time();
  HOLD_STATE();
  if (!table || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)) return ERROR_INVALID_PARAMETER;
  *table = NULL;
  if (table_call_fails()) return fail_code;
  if (ip_interface_table_stub || (family != AF_UNSPEC && !family_has_stack(family))) return ERROR_NOT_SUPPORTED;
  uint32_t count = stack_row_count(family);
  MIB_IPINTERFACE_TABLE *t = allocate_table(offsetof(MIB_IPINTERFACE_TABLE, Table), sizeof(MIB_IPINTERFACE_ROW), count);
  if (!t) return ERROR_NOT_ENOUGH_MEMORY;
  uint32_t n = 0;
  for (size_t i = 0; i < interface_count; i++) {
    if (family != AF_INET6 && interface_has(&interfaces[i], AF_INET)) fill_ip_interface_row(&t->Table[n++], &interfaces[i], AF_INET);
    if (family != AF_INET && interface_has(&interfaces[i], AF_INET6)) fill_ip_interface_row(&t->Table[n++], &interfaces[i], AF_INET6);
  }
  t->NumEntries = n;
  *table = t;
  return NO_ERROR;
}

/*
 * One address per stack an interface carries: 127.0.0.1 and ::1 on the loopback, else
 * 10.0.0.<index> and the link-local fe80::<index> (scoped to the interface), as a
 * machine without global IPv6 has.
 */
static void fill_unicast_row(MIB_UNICASTIPADDRESS_ROW *row, const Interface *iface, uint16_t family) {
  int loopback = iface->type == IF_TYPE_LOOPBACK;
  row->Address.si_family = family;
  if (family == AF_INET) {
    const uint8_t address[4] = {loopback ? 127 : 10, 0, 0, loopback ? 1 : (uint8_t)iface->index};
    memcpy(row->Address.Ipv4.sin_addr, address, 4);
    row->OnLinkPrefixLength = loopback ? 8 : 24;
  } else {
    if (loopback) {
      row->Address.Ipv6.sin6_addr[15] = 1;
    } else {
      row->Address.Ipv6.sin6_addr[0] = 0xfe;
      row->Address.Ipv6.sin6_addr[1] = 0x80;
      row->Address.Ipv6.sin6_addr[15] = (uint8_t)iface->index;
      row->Address.Ipv6.sin6_scope_id = row->ScopeId = iface->index;
    }
    row->OnLinkPrefixLength = loopback ? 128 : 64;
  }
  row->InterfaceLuid = iface->luid;
  row->InterfaceIndex = iface->index;
  row->PrefixOrigin = row->SuffixOrigin = loopback ? 2 : 1; /* well-known, manual */
  row->ValidLifetime = row->PreferredLifetime = UINT32_MAX;
  row->DadState = 4; /* IpDadStatePreferred */
}

/* A family without its stack is ERROR_NOT_SUPPORTED, as documented; AF_UNSPEC then lists only the other family. */
EXPORT uint32_t GetUnicastIpAddressTable(uint16_t family, MIB_UNICASTIPADDRESS_TABLE **table) {
  take_time();
  HOLD_STATE();
  if (!table || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)) return ERROR_INVALID_PARAMETER;
  *table = NULL;
  if (table_call_fails()) return fail_code;
  if (family != AF_UNSPEC && !family_has_stack(family)) return ERROR_NOT_SUPPORTED;
  uint32_t count = stack_row_count(family);
  MIB_UNICASTIPADDRESS_TABLE *t =
      allocate_table(offsetof(MIB_UNICASTIPADDRESS_TABLE, Table), sizeof(MIB_UNICASTIPADDRESS_ROW), count);
  if (!t) return ERROR_NOT_ENOUGH_MEMORY;
  uint32_t n = 0;
  for (size_t i = 0; i < interface_count; i++) {
    if (family != AF_INET6 && interface_has(&interfaces[i], AF_INET)) fill_unicast_row(&t->Table[n++], &interfaces[i], AF_INET);
    if (family != AF_INET && interface_has(&interfaces[i], AF_INET6)) fill_unicast_row(&t->Table[n++], &interfaces[i], AF_INET6);
  }
  t->NumEntries = n;
  *table = t;
  return NO_ERROR;
}

EXPORT uint32_t ConvertInterfaceLuidToIndex(const uint64_t *luid, uint32_t *index) {
  HOLD_STATE();
  if (!luid || !index) return ERROR_INVALID_PARAMETER;
  const Interface *iface = find_by_luid(*luid);
  if (!iface) return ERROR_NOT_FOUND;
  *index = iface->index;
  return NO_ERROR;
}

EXPORT uint32_t ConvertInterfaceIndexToLuid(uint32_t index, uint64_t *luid) {
  HOLD_STATE();
  if (!luid) return ERROR_INVALID_PARAMETER;
  const Interface *iface = find_by_index(index);
  if (!iface) return ERROR_NOT_FOUND;
  *luid = iface->luid;
  return NO_ERROR;
}

/* ---- iphlpapi: interface change notifications ---- */

/*
 * Like Windows: callbacks run on a thread of their own, never the registering one, and
 * CancelMibChangeNotify2 returns only once no callback of that registration is running.
 * Unlike Windows, that wait is bounded: a caller that holds up the callback it waits for
 * (koffi runs a callback's JS on the main thread, so a cancel from the main thread does)
 * would deadlock there; here the cancel gives up, counts it and fails, and the test says so.
 */
#define MAX_REGISTRATIONS 64
#define CANCEL_WAIT_SECONDS 2
enum { MIB_PARAMETER_NOTIFICATION = 0 };

typedef struct {
  int used; /* registered; stays set while a cancel that timed out leaves a callback running */
  int cancelled;
  uint16_t family;
  IP_INTERFACE_CHANGE_CALLBACK callback;
  void *context;
  int running; /* callbacks in progress */
} Registration;

static Registration registrations[MAX_REGISTRATIONS];
static pthread_mutex_t notify_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t notify_progress = PTHREAD_COND_INITIALIZER;
static int64_t cancel_timeouts;

EXPORT int64_t FakeActiveNotifications(void) {
  int64_t active = 0;
  pthread_mutex_lock(&notify_lock);
  for (size_t i = 0; i < MAX_REGISTRATIONS; i++) active += registrations[i].used;
  pthread_mutex_unlock(&notify_lock);
  return active;
}

EXPORT int64_t FakeCancelTimeouts(void) { return cancel_timeouts; }

EXPORT uint32_t NotifyIpInterfaceChange(uint16_t family, IP_INTERFACE_CHANGE_CALLBACK callback, void *context,
                                        uint8_t initial_notification, void **handle) {
  if (!callback || !handle || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)) return ERROR_INVALID_PARAMETER;
  *handle = NULL;
  /* Not modelled: the backend asks for none, and ignoring the request would hide a change to that. */
  if (initial_notification) return ERROR_NOT_SUPPORTED;
  if (notify_fail_code) return notify_fail_code;
  uint32_t code = ERROR_NOT_ENOUGH_MEMORY;
  pthread_mutex_lock(&notify_lock);
  for (size_t i = 0; i < MAX_REGISTRATIONS; i++) {
    if (registrations[i].used) continue;
    registrations[i] = (Registration){.used = 1, .family = family, .callback = callback, .context = context};
    *handle = &registrations[i];
    code = NO_ERROR;
    break;
  }
  pthread_mutex_unlock(&notify_lock);
  return code;
}

EXPORT uint32_t CancelMibChangeNotify2(void *handle) {
  uintptr_t at = (uintptr_t)handle, first = (uintptr_t)registrations;
  if (at < first || at >= first + sizeof registrations || (at - first) % sizeof(Registration)) return ERROR_INVALID_HANDLE;
  Registration *r = handle;
  pthread_mutex_lock(&notify_lock);
  if (!r->used || r->cancelled) {
    pthread_mutex_unlock(&notify_lock);
    return ERROR_INVALID_HANDLE;
  }
  r->cancelled = 1;
  struct timespec deadline;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_sec += CANCEL_WAIT_SECONDS;
  while (r->running > 0)
    if (pthread_cond_timedwait(&notify_progress, &notify_lock, &deadline) == ETIMEDOUT) break;
  uint32_t code = NO_ERROR;
  if (r->running > 0) {
    cancel_timeouts++;
    code = ERROR_TIMEOUT;
  } else {
    r->used = 0;
  }
  pthread_mutex_unlock(&notify_lock);
  return code;
}

typedef struct {
  const Interface *iface;
  int under_way; /* set by the notifier once its first callback has begun, or it has none to make */
} Change;

/* Sets the change's under_way flag; the change lives on the caller's stack and is not touched after. */
static void report_under_way(Change **change) {
  if (!*change) return;
  (*change)->under_way = 1;
  *change = NULL;
  pthread_cond_broadcast(&notify_progress);
}

/* One MibParameterNotification per family the interface carries, to every registration for it. */
static void *notifier(void *arg) {
  Change *change = arg;
  const Interface *iface = change->iface;
  static const uint16_t FAMILIES[] = {AF_INET, AF_INET6};
  for (size_t f = 0; f < sizeof FAMILIES / sizeof FAMILIES[0]; f++) {
    uint16_t family = FAMILIES[f];
    if (!interface_has(iface, family)) continue;
    MIB_IPINTERFACE_ROW row;
    memset(&row, 0, sizeof row);
    fill_ip_interface_row(&row, iface, family);
    for (size_t i = 0; i < MAX_REGISTRATIONS; i++) {
      Registration *r = &registrations[i];
      pthread_mutex_lock(&notify_lock);
      int due = r->used && !r->cancelled && (r->family == AF_UNSPEC || r->family == family);
      IP_INTERFACE_CHANGE_CALLBACK callback = r->callback;
      void *context = r->context;
      if (due) {
        r->running++;
        report_under_way(&change);
      }
      pthread_mutex_unlock(&notify_lock);
      if (!due) continue;
      callback(context, &row, MIB_PARAMETER_NOTIFICATION);
      pthread_mutex_lock(&notify_lock);
      r->running--;
      pthread_cond_broadcast(&notify_progress);
      pthread_mutex_unlock(&notify_lock);
    }
  }
  pthread_mutex_lock(&notify_lock);
  report_under_way(&change);
  pthread_mutex_unlock(&notify_lock);
  return NULL;
}

/*
 * Sets an interface's OperStatus and notifies from a new thread. Returns once that thread's
 * first callback has begun (or it has none to make), so a test knows one is in progress:
 * under koffi it stays in progress until the main thread runs its JS. 0 for an unknown index.
 */
EXPORT int32_t FakeSetOperStatus(uint32_t index, uint32_t status) {
  const Interface *iface = find_by_index(index);
  if (!iface) return 0;
  oper_status_set[iface - interfaces] = status;
  Change change = {.iface = iface};
  pthread_t thread;
  if (pthread_create(&thread, NULL, notifier, &change) != 0) return 0;
  pthread_detach(thread);
  pthread_mutex_lock(&notify_lock);
  while (!change.under_way) pthread_cond_wait(&notify_progress, &notify_lock);
  pthread_mutex_unlock(&notify_lock);
  return 1;
}

/* ---- iphlpapi: anycast ---- */

#ifndef NO_ANYCAST_EXPORTS

static MIB_ANYCASTIPADDRESS_ROW entries[MAX_BENCH_ENTRIES];

static int all_zero(const uint8_t *bytes, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (bytes[i]) return 0;
  return 1;
}

/* "A valid unicast IPv4 or IPv6 address": not unspecified, multicast or limited broadcast. */
static int valid_unicast(const SOCKADDR_INET *address) {
  if (address->si_family == AF_INET) {
    const uint8_t *a = address->Ipv4.sin_addr;
    if (a[0] == 0) return 0;                  /* 0.0.0.0/8, "this network", including 0.0.0.0 */
    if (a[0] >= 224 && a[0] <= 239) return 0; /* multicast */
    if (a[0] == 255 && a[1] == 255 && a[2] == 255 && a[3] == 255) return 0;
    return 1;
  }
  if (address->si_family == AF_INET6) {
    const uint8_t *a = address->Ipv6.sin6_addr;
    return !all_zero(a, 16) && a[0] != 0xff;
  }
  return 0;
}

static int same_address(const SOCKADDR_INET *x, const SOCKADDR_INET *y) {
  if (x->si_family != y->si_family) return 0;
  return x->si_family == AF_INET ? memcmp(x->Ipv4.sin_addr, y->Ipv4.sin_addr, 4) == 0
                                 : memcmp(x->Ipv6.sin6_addr, y->Ipv6.sin6_addr, 16) == 0;
}

/* The document's order: a valid unicast address, an interface named, then LUID before index. */
static uint32_t resolve(const MIB_ANYCASTIPADDRESS_ROW *row, const Interface **iface) {
  if (!row || !valid_unicast(&row->Address)) return ERROR_INVALID_PARAMETER;
  if (row->InterfaceLuid == 0 && row->InterfaceIndex == 0) return ERROR_INVALID_PARAMETER;
  *iface = row->InterfaceLuid != 0 ? find_by_luid(row->InterfaceLuid) : find_by_index(row->InterfaceIndex);
  return *iface ? NO_ERROR : ERROR_NOT_FOUND;
}

static MIB_ANYCASTIPADDRESS_ROW *find_entry(const Interface *iface, const SOCKADDR_INET *address) {
  for (uint32_t i = 0; i < entry_count; i++)
    if (entries[i].InterfaceLuid == iface->luid && same_address(&entries[i].Address, address)) return &entries[i];
  return NULL;
}

static int is_ipv6_link_local(const SOCKADDR_INET *address) {
  return address->si_family == AF_INET6 && address->Ipv6.sin6_addr[0] == 0xfe && (address->Ipv6.sin6_addr[1] & 0xc0) == 0x80;
}

/* A stored row as the API hands it out. */
static void copy_out(MIB_ANYCASTIPADDRESS_ROW *dest, const MIB_ANYCASTIPADDRESS_ROW *entry) {
  *dest = *entry;
  if (!sparse_rows) return;
  if (entry->Address.si_family == AF_INET)
    dest->InterfaceIndex = 0;
  else
    dest->InterfaceLuid = 0;
}

EXPORT uint32_t CreateAnycastIpAddressEntry(const MIB_ANYCASTIPADDRESS_ROW *row) {
  take_time();
  HOLD_STATE();
  const Interface *iface;
  uint32_t code = resolve(row, &iface);
  if (code != NO_ERROR) return code;
  if (!elevated) return ERROR_ACCESS_DENIED;
  if (!interface_has(iface, row->Address.si_family)) return ERROR_NOT_SUPPORTED;
  if (find_entry(iface, &row->Address)) return ERROR_OBJECT_ALREADY_EXISTS;
  if (entry_count == entry_limit) return ERROR_NOT_ENOUGH_MEMORY;
  MIB_ANYCASTIPADDRESS_ROW *entry = &entries[entry_count++];
  memset(entry, 0, sizeof *entry);
  entry->Address.si_family = row->Address.si_family;
  if (row->Address.si_family == AF_INET) {
    memcpy(entry->Address.Ipv4.sin_addr, row->Address.Ipv4.sin_addr, 4);
  } else {
    memcpy(entry->Address.Ipv6.sin6_addr, row->Address.Ipv6.sin6_addr, 16);
  }
  entry->InterfaceLuid = iface->luid;
  entry->InterfaceIndex = iface->index;
  entry->ScopeId = is_ipv6_link_local(&row->Address) ? iface->index : 0;
  if (row->Address.si_family == AF_INET6) entry->Address.Ipv6.sin6_scope_id = entry->ScopeId;
  return NO_ERROR;
}

EXPORT uint32_t DeleteAnycastIpAddressEntry(const MIB_ANYCASTIPADDRESS_ROW *row) {
  take_time();
  HOLD_STATE();
  const Interface *iface;
  uint32_t code = resolve(row, &iface);
  if (code != NO_ERROR) return code;
  if (!elevated) return ERROR_ACCESS_DENIED;
  MIB_ANYCASTIPADDRESS_ROW *entry = find_entry(iface, &row->Address);
  if (!entry) return ERROR_NOT_FOUND;
  *entry = entries[--entry_count];
  return NO_ERROR;
}

EXPORT uint32_t GetAnycastIpAddressEntry(MIB_ANYCASTIPADDRESS_ROW *row) {
  take_time();
  HOLD_STATE();
  if (entry_read_fail_code) {
    uint32_t injected = entry_read_fail_code;
    entry_read_fail_code = 0;
    return injected;
  }
  const Interface *iface;
  uint32_t code = resolve(row, &iface);
  /* Its page documents ERROR_FILE_NOT_FOUND for a LUID or index that is not on this machine. */
  if (code == ERROR_NOT_FOUND) return ERROR_FILE_NOT_FOUND;
  if (code != NO_ERROR) return code;
  const MIB_ANYCASTIPADDRESS_ROW *entry = find_entry(iface, &row->Address);
  if (!entry) return ERROR_NOT_FOUND;
  copy_out(row, entry);
  return NO_ERROR;
}

EXPORT uint32_t GetAnycastIpAddressTable(uint16_t family, MIB_ANYCASTIPADDRESS_TABLE **table) {
  take_time();
  HOLD_STATE();
  if (!table || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)) return ERROR_INVALID_PARAMETER;
  *table = NULL;
  if (table_call_fails()) return fail_code;
  uint32_t count = bad_row_pending ? 1 : 0;
  for (uint32_t i = 0; i < entry_count; i++) count += family == AF_UNSPEC || entries[i].Address.si_family == family;
  /* Windows may report an empty table as ERROR_NOT_FOUND; this stand-in always does. */
  if (count == 0) return ERROR_NOT_FOUND;
  MIB_ANYCASTIPADDRESS_TABLE *t =
      allocate_table(offsetof(MIB_ANYCASTIPADDRESS_TABLE, Table), sizeof(MIB_ANYCASTIPADDRESS_ROW), count);
  if (!t) return ERROR_NOT_ENOUGH_MEMORY;
  uint32_t n = 0;
  for (uint32_t i = 0; i < entry_count; i++)
    if (family == AF_UNSPEC || entries[i].Address.si_family == family) copy_out(&t->Table[n++], &entries[i]);
  if (bad_row_pending) {
    t->Table[n].Address.si_family = 99;
    t->Table[n++].InterfaceLuid = interfaces[0].luid;
    bad_row_pending = 0;
  }
  t->NumEntries = n;
  *table = t;
  return NO_ERROR;
}

/* ---- Benchmark support (test/bench) ---- */

static Interface bench_interfaces[MAX_INTERFACES];
static char16_t bench_text[MAX_INTERFACES][2][48]; /* each generated interface's alias and description */

static void utf16_from_ascii(char16_t *dest, size_t size, const char *src) {
  size_t n = 0;
  for (; src[n] && n + 1 < size; n++) dest[n] = (char16_t)(unsigned char)src[n];
  dest[n] = 0;
}

/*
 * Replaces the machine with `count` generated adapters, laid out like the simulated backend's
 * largeInterfaces (index 100 + i, every fifth without IPv6, every seventh down), holding `rows`
 * anycast rows spread over them in turn, one in four IPv6 where the interface has the stack.
 * Writes may then grow the table to MAX_BENCH_ENTRIES. FakeReset restores the seeded machine.
 * Returns 0 when either number does not fit.
 */
EXPORT int32_t FakeBenchSeed(uint32_t count, uint32_t rows) {
  HOLD_STATE();
  if (count == 0 || count > MAX_INTERFACES || rows > MAX_BENCH_ENTRIES) return 0;
  for (uint32_t i = 0; i < count; i++) {
    char text[48];
    snprintf(text, sizeof text, "Ethernet %u", i + 10);
    utf16_from_ascii(bench_text[i][0], 48, text);
    snprintf(text, sizeof text, "Simulated Server Adapter #%u", i + 1);
    utf16_from_ascii(bench_text[i][1], 48, text);
    bench_interfaces[i] = (Interface){
        .luid = LUID(IF_TYPE_ETHERNET, 1000 + i),
        .index = 100 + i,
        .alias = bench_text[i][0],
        .description = bench_text[i][1],
        .type = IF_TYPE_ETHERNET,
        .oper_status = i % 7 == 6 ? DOWN : UP,
        .mac = {0x02, 0, 0, (uint8_t)(i >> 16), (uint8_t)(i >> 8), (uint8_t)i},
        .mac_length = 6,
        .mtu = 1500,
        .ipv4 = 1,
        .ipv6 = i % 5 != 4,
    };
  }
  interfaces = bench_interfaces;
  interface_count = count;
  memset(oper_status_set, 0, sizeof oper_status_set);
  entry_limit = MAX_BENCH_ENTRIES;
  entry_count = 0;
  for (uint32_t n = 0; n < rows; n++) {
    const Interface *iface = &interfaces[n % count];
    uint32_t host = n / count; /* distinct per interface, so no row repeats one */
    MIB_ANYCASTIPADDRESS_ROW *entry = &entries[entry_count++];
    memset(entry, 0, sizeof *entry);
    if (n % 4 == 3 && iface->ipv6) {
      const uint8_t address[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, (uint8_t)(iface->index >> 8), (uint8_t)iface->index,
                                   0, 0, 0, 0, 0, 0, (uint8_t)((host + 1) >> 8), (uint8_t)(host + 1)};
      entry->Address.si_family = AF_INET6;
      memcpy(entry->Address.Ipv6.sin6_addr, address, 16);
    } else {
      const uint8_t address[4] = {10, (uint8_t)(host >> 8), (uint8_t)host, (uint8_t)(iface->index % 250 + 1)};
      entry->Address.si_family = AF_INET;
      memcpy(entry->Address.Ipv4.sin_addr, address, 4);
    }
    entry->InterfaceLuid = iface->luid;
    entry->InterfaceIndex = iface->index;
  }
  return 1;
}

/* Tells the compiler the copies are read, so it cannot drop the work a real caller does. */
#define KEEP(pointer) __asm__ volatile("" : : "r"(pointer) : "memory")

static int64_t nanoseconds_since(const struct timespec *start) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (int64_t)(now.tv_sec - start->tv_sec) * 1000000000 + (now.tv_nsec - start->tv_nsec);
}

/* An anycast row as a C caller keeps it: every member of the Windows row, family-decoded. */
typedef struct {
  uint16_t family;
  uint8_t address[16];
  uint32_t address_scope_id;
  uint64_t luid;
  uint32_t index;
  uint32_t scope_id;
} AnycastCopy;

/*
 * Reads the whole anycast table `iterations` times as a C program would: GetAnycastIpAddressTable,
 * every row copied into an array of its own, FreeMibTable. Returns the nanoseconds taken, -1 on failure.
 */
EXPORT int64_t FakeBenchReadAnycast(uint32_t iterations) {
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (uint32_t it = 0; it < iterations; it++) {
    MIB_ANYCASTIPADDRESS_TABLE *t;
    if (GetAnycastIpAddressTable(AF_UNSPEC, &t) != NO_ERROR) return -1;
    AnycastCopy *copies = malloc(sizeof *copies * t->NumEntries);
    if (!copies) {
      FreeMibTable(t);
      return -1;
    }
    for (uint32_t i = 0; i < t->NumEntries; i++) {
      const MIB_ANYCASTIPADDRESS_ROW *row = &t->Table[i];
      AnycastCopy *copy = &copies[i];
      copy->family = row->Address.si_family;
      if (copy->family == AF_INET) {
        memcpy(copy->address, row->Address.Ipv4.sin_addr, 4);
        copy->address_scope_id = 0;
      } else {
        memcpy(copy->address, row->Address.Ipv6.sin6_addr, 16);
        copy->address_scope_id = row->Address.Ipv6.sin6_scope_id;
      }
      copy->luid = row->InterfaceLuid;
      copy->index = row->InterfaceIndex;
      copy->scope_id = row->ScopeId;
    }
    KEEP(copies);
    free(copies);
    FreeMibTable(t);
  }
  return nanoseconds_since(&start);
}

/* The LUIDs of one stack's interfaces, open addressing: what the binding keeps in a Set. */
#define LUID_SET_SLOTS 1024 /* a power of two, over twice MAX_INTERFACES */
typedef struct {
  uint64_t slots[LUID_SET_SLOTS]; /* 0 is free: a LUID always has an IfType in its top bits */
} LuidSet;

static size_t luid_slot(const LuidSet *set, uint64_t luid) {
  size_t slot = (size_t)((luid * 0x9E3779B97F4A7C15ull) >> 54) & (LUID_SET_SLOTS - 1);
  while (set->slots[slot] && set->slots[slot] != luid) slot = (slot + 1) & (LUID_SET_SLOTS - 1);
  return slot;
}

/* Both stacks' interfaces from one AF_UNSPEC table, each row sorted by its Family. */
static uint32_t read_stacks(LuidSet *ipv4, LuidSet *ipv6) {
  memset(ipv4, 0, sizeof *ipv4);
  memset(ipv6, 0, sizeof *ipv6);
  MIB_IPINTERFACE_TABLE *t;
  uint32_t code = GetIpInterfaceTable(AF_UNSPEC, &t);
  if (code != NO_ERROR) return code;
  for (uint32_t i = 0; i < t->NumEntries; i++) {
    LuidSet *set = t->Table[i].Family == AF_INET ? ipv4 : ipv6;
    set->slots[luid_slot(set, t->Table[i].InterfaceLuid)] = t->Table[i].InterfaceLuid;
  }
  FreeMibTable(t);
  return NO_ERROR;
}

/* An interface as a C caller keeps it: the members the binding reads, and its stacks. */
typedef struct {
  uint64_t luid;
  uint32_t index;
  char16_t alias[IF_MAX_STRING_SIZE + 1];
  char16_t description[IF_MAX_STRING_SIZE + 1];
  uint32_t type;
  uint32_t oper_status;
  uint8_t mac[32];
  uint32_t mac_length;
  uint32_t mtu;
  int ipv4;
  int ipv6;
} InterfaceCopy;

/*
 * Lists the interfaces `iterations` times as the binding does, in C: GetIpInterfaceTable
 * for both stacks, then GetIfTable2Ex without statistics, filter interfaces left out, each kept row
 * copied with its stacks looked up. Returns the nanoseconds taken, -1 on failure.
 */
EXPORT int64_t FakeBenchReadInterfaces(uint32_t iterations) {
  static LuidSet ipv4, ipv6;
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (uint32_t it = 0; it < iterations; it++) {
    if (read_stacks(&ipv4, &ipv6) != NO_ERROR) return -1;
    MIB_IF_TABLE2 *t;
    if (read_if_table(MIB_IF_TABLE_NORMAL_WITHOUT_STATISTICS, &t) != NO_ERROR) return -1;
    InterfaceCopy *copies = malloc(sizeof *copies * t->NumEntries);
    if (!copies) {
      FreeMibTable(t);
      return -1;
    }
    uint32_t kept = 0;
    for (uint32_t i = 0; i < t->NumEntries; i++) {
      const MIB_IF_ROW2 *row = &t->Table[i];
      if (row->InterfaceAndOperStatusFlags & 0x02) continue; /* FilterInterface */
      InterfaceCopy *copy = &copies[kept++];
      copy->luid = row->InterfaceLuid;
      copy->index = row->InterfaceIndex;
      copy_utf16(copy->alias, row->Alias);
      copy_utf16(copy->description, row->Description);
      copy->type = row->Type;
      copy->oper_status = row->OperStatus;
      copy->mac_length = row->PhysicalAddressLength;
      memcpy(copy->mac, row->PhysicalAddress, sizeof copy->mac);
      copy->mtu = row->Mtu;
      copy->ipv4 = ipv4.slots[luid_slot(&ipv4, row->InterfaceLuid)] != 0;
      copy->ipv6 = ipv6.slots[luid_slot(&ipv6, row->InterfaceLuid)] != 0;
    }
    KEEP(copies);
    free(copies);
    FreeMibTable(t);
  }
  return nanoseconds_since(&start);
}

/*
 * `count` CreateAnycastIpAddressEntry calls, then `count` DeleteAnycastIpAddressEntry calls
 * for the same rows: 198.18.<n / 256>.<n % 256> on interface n % interfaces, named by LUID,
 * as test/bench writes them through the binding. Returns the nanoseconds taken, -1 when a
 * call fails.
 */
EXPORT int64_t FakeBenchWrites(uint32_t count) {
  if (count > 65536) return -1;
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (int pass = 0; pass < 2; pass++) {
    for (uint32_t n = 0; n < count; n++) {
      MIB_ANYCASTIPADDRESS_ROW row;
      memset(&row, 0, sizeof row);
      row.Address.si_family = AF_INET;
      const uint8_t address[4] = {198, 18, (uint8_t)(n >> 8), (uint8_t)n};
      memcpy(row.Address.Ipv4.sin_addr, address, 4);
      row.InterfaceLuid = interfaces[n % interface_count].luid;
      uint32_t code = pass == 0 ? CreateAnycastIpAddressEntry(&row) : DeleteAnycastIpAddressEntry(&row);
      if (code != NO_ERROR) return -1;
    }
  }
  return nanoseconds_since(&start);
}

#endif /* NO_ANYCAST_EXPORTS */

/* ---- kernel32 ---- */

static const struct {
  uint32_t code;
  const char16_t *text;
} MESSAGES[] = {
  {ERROR_ACCESS_DENIED, u"Access is denied.\r\n"},
  {ERROR_NOT_SUPPORTED, u"The request is not supported.\r\n"},
  {ERROR_INVALID_PARAMETER, u"The parameter is incorrect.\r\n"},
  {127, u"The specified procedure could not be found.\r\n"},
  {ERROR_NOT_FOUND, u"Element not found.\r\n"},
  {ERROR_OBJECT_ALREADY_EXISTS, u"The object already exists.\r\n"},
};

/* Only what the backend asks for: system texts, inserts ignored, into the caller's buffer. */
EXPORT uint32_t FormatMessageW(uint32_t flags, const void *source, uint32_t id, uint32_t language, char16_t *buffer,
                               uint32_t size, void *arguments) {
  (void)source;
  (void)language;
  (void)arguments;
  if (flags != (FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS) || !buffer) return 0;
  for (size_t i = 0; i < sizeof MESSAGES / sizeof MESSAGES[0]; i++) {
    if (MESSAGES[i].code != id) continue;
    size_t length = 0;
    while (MESSAGES[i].text[length]) length++;
    if (length + 1 > size) return 0; /* ERROR_INSUFFICIENT_BUFFER */
    memcpy(buffer, MESSAGES[i].text, (length + 1) * sizeof(char16_t));
    return (uint32_t)length;
  }
  return 0;
}

/* ---- advapi32 ---- */

typedef struct {
  SID_IDENTIFIER_AUTHORITY authority;
  uint8_t count;
  uint32_t sub_authority[8];
} Sid;

EXPORT int32_t AllocateAndInitializeSid(const SID_IDENTIFIER_AUTHORITY *authority, uint8_t count, uint32_t s0,
                                        uint32_t s1, uint32_t s2, uint32_t s3, uint32_t s4, uint32_t s5, uint32_t s6,
                                        uint32_t s7, void **sid) {
  if (!authority || !sid || count == 0 || count > 8) return 0;
  HOLD_STATE();
  Sid *s = calloc(1, sizeof *s);
  if (!s) return 0;
  s->authority = *authority;
  s->count = count;
  const uint32_t subs[8] = {s0, s1, s2, s3, s4, s5, s6, s7};
  memcpy(s->sub_authority, subs, count * sizeof(uint32_t));
  outstanding_sids++;
  *sid = s;
  return 1;
}

/* The caller's token (NULL) holds BUILTIN\Administrators only when elevated. */
EXPORT int32_t CheckTokenMembership(void *token, const void *sid, int32_t *is_member) {
  if (token || !sid || !is_member) return 0;
  const Sid *s = sid;
  static const SID_IDENTIFIER_AUTHORITY nt_authority = {{0, 0, 0, 0, 0, 5}};
  int administrators = memcmp(&s->authority, &nt_authority, sizeof nt_authority) == 0 && s->count == 2 &&
                       s->sub_authority[0] == 32 && s->sub_authority[1] == 544;
  *is_member = administrators && elevated;
  return 1;
}

EXPORT void *FreeSid(void *sid) {
  HOLD_STATE();
  if (sid) {
    free(sid);
    outstanding_sids--;
  }
  return NULL;
}
