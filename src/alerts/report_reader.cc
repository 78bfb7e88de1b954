#include "alerts/report_reader.h"

#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <iterator>

namespace eucomply::alerts {

Result<std::string> GunzipIfNeeded(std::string_view bytes) {
  if (bytes.size() < 2 || static_cast<unsigned char>(bytes[0]) != 0x1f ||
      static_cast<unsigned char>(bytes[1]) != 0x8b) {
    return std::string(bytes);
  }
  std::string out;
  out.resize(bytes.size() * 8 + 4096);
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::Internal("inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  size_t produced = 0;
  int rc = Z_OK;
  while (true) {
    if (produced == out.size()) out.resize(out.size() * 2);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = static_cast<uInt>(out.size() - produced);
    rc = inflate(&zs, Z_NO_FLUSH);
    produced = out.size() - zs.avail_out;
    if (rc == Z_STREAM_END) {
      // Another gzip member may follow (concatenated .gz files are valid gzip).
      if (zs.avail_in >= 2 && zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && zs.avail_out == 0) continue;
    break;
  }
  std::string message = zs.msg != nullptr ? zs.msg : "";
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    std::string why = rc == Z_BUF_ERROR ? "truncated gzip stream (unexpected end of file)"
                                        : "damaged gzip stream (" + message + ")";
    return Status::Corruption(why + " after " + std::to_string(produced) +
                              " bytes of XML");
  }
  out.resize(produced);
  return out;
}

Result<std::string> ReadReportFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Unavailable("cannot open file");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::Unavailable("read error");
  return GunzipIfNeeded(bytes);
}

std::string ContentFingerprint(std::string_view xml) {
  uLong crc = crc32(0L, Z_NULL, 0);
  uLong adler = adler32(0L, Z_NULL, 0);
  const auto* data = reinterpret_cast<const Bytef*>(xml.data());
  size_t left = xml.size();
  while (left > 0) {
    uInt n = left > (1u << 30) ? (1u << 30) : static_cast<uInt>(left);
    crc = crc32(crc, data, n);
    adler = adler32(adler, data, n);
    data += n;
    left -= n;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%zu-%08lx-%08lx", xml.size(), crc, adler);
  return buf;
}

}  // namespace eucomply::alerts
