#include <winsock2.h>
#include <ws2ipdef.h>
#include <iphlpapi.h>
#include <netioapi.h>
#include <stdint.h>

void check_GetIfTable2(void * a0) {
  uint32_t r = GetIfTable2(a0);
  (void)r;
}

void check_GetIpInterfaceTable(uint16_t a0, void * a1) {
  uint32_t r = GetIpInterfaceTable(a0, a1);
  (void)r;
}

void check_GetUnicastIpAddressTable(uint16_t a0, void * a1) {
  uint32_t r = GetUnicastIpAddressTable(a0, a1);
  (void)r;
}

void check_FreeMibTable(void * a0) {
  FreeMibTable(a0);
}

void check_ConvertInterfaceLuidToIndex(void * a0, void * a1) {
  uint32_t r = ConvertInterfaceLuidToIndex(a0, a1);
  (void)r;
}

void check_ConvertInterfaceIndexToLuid(uint32_t a0, void * a1) {
  uint32_t r = ConvertInterfaceIndexToLuid(a0, a1);
  (void)r;
}

void check_GetIfTable2Ex(uint32_t a0, void * a1) {
  uint32_t r = GetIfTable2Ex(a0, a1);
  (void)r;
}

void check_GetAnycastIpAddressTable(uint16_t a0, void * a1) {
  uint32_t r = GetAnycastIpAddressTable(a0, a1);
  (void)r;
}

void check_CreateAnycastIpAddressEntry(MIB_ANYCASTIPADDRESS_ROW * a0) {
  uint32_t r = CreateAnycastIpAddressEntry(a0);
  (void)r;
}

void check_DeleteAnycastIpAddressEntry(MIB_ANYCASTIPADDRESS_ROW * a0) {
  uint32_t r = DeleteAnycastIpAddressEntry(a0);
  (void)r;
}

void check_GetAnycastIpAddressEntry(MIB_ANYCASTIPADDRESS_ROW * a0) {
  uint32_t r = GetAnycastIpAddressEntry(a0);
  (void)r;
}

void check_NotifyIpInterfaceChange(uint16_t a0, void * a1, void * a2, uint8_t a3, void * a4) {
  uint32_t r = NotifyIpInterfaceChange(a0, a1, a2, a3, a4);
  (void)r;
}

void check_CancelMibChangeNotify2(void * a0) {
  uint32_t r = CancelMibChangeNotify2(a0);
  (void)r;
}

void check_FormatMessageW(uint32_t a0, void * a1, uint32_t a2, uint32_t a3, void * a4, uint32_t a5, void * a6) {
  uint32_t r = FormatMessageW(a0, a1, a2, a3, a4, a5, a6);
  (void)r;
}

void check_AllocateAndInitializeSid(SID_IDENTIFIER_AUTHORITY * a0, uint8_t a1, uint32_t a2, uint32_t a3, uint32_t a4, uint32_t a5, uint32_t a6, uint32_t a7, uint32_t a8, uint32_t a9, void * a10) {
  int32_t r = AllocateAndInitializeSid(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10);
  (void)r;
}

void check_CheckTokenMembership(void * a0, void * a1, void * a2) {
  int32_t r = CheckTokenMembership(a0, a1, a2);
  (void)r;
}

void check_FreeSid(void * a0) {
  void * r = FreeSid(a0);
  (void)r;
}
