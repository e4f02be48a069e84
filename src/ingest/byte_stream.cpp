#include "ingest/byte_stream.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "ingest/archive.h"

namespace faultline {

struct ByteStream::Inflater {
  z_stream zs{};
  std::string in;          // compressed bytes not yet consumed by zlib
  bool member_done = true; // between members (or before the first)
  ~Inflater() { inflateEnd(&zs); }
};

Result<std::unique_ptr<ByteStream>> ByteStream::OpenFile(const std::string& path) {
  std::unique_ptr<ByteStream> s(new ByteStream());
  if (path == "-") {
    s->file_ = stdin;
  } else {
    s->file_ = std::fopen(path.c_str(), "rb");
    if (s->file_ == nullptr) return Status::Error(std::string("cannot open: ") + std::strerror(errno), path);
    s->owns_file_ = true;
  }
  return s;
}

std::unique_ptr<ByteStream> ByteStream::FromString(std::string bytes) {
  std::unique_ptr<ByteStream> s(new ByteStream());
  s->memory_ = std::move(bytes);
  return s;
}

ByteStream::~ByteStream() {
  decompressor_.reset();  // before the file its source reads
  if (owns_file_ && file_) std::fclose(file_);
}

Status ByteStream::ReadRaw(char* out, size_t n, size_t* got) {
  *got = 0;
  if (file_ == nullptr) {
    *got = std::min(n, memory_.size() - memory_pos_);
    std::memcpy(out, memory_.data() + memory_pos_, *got);
    memory_pos_ += *got;
  } else {
    *got = std::fread(out, 1, n, file_);
    if (*got < n && std::ferror(file_)) return Status::Error(std::string("read error: ") + std::strerror(errno));
  }
  if (*got == 0) raw_eof_ = true;
  source_bytes_ += *got;
  return Status::Ok();
}

Status ByteStream::ReadMore(size_t want) {
  constexpr size_t kChunk = 1 << 16;
  if (!started_) {
    // Decide gzip or not from the first bytes.
    started_ = true;
    std::string head(kChunk, '\0');
    size_t got = 0;
    Status s = ReadRaw(head.data(), head.size(), &got);
    if (!s.ok()) return s;
    head.resize(got);
    gzipped_ = got >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
               static_cast<unsigned char>(head[1]) == 0x8b;
    if (!gzipped_ && SniffPacking(head) == Packing::kCompressed) {
      head_ = std::move(head);
      auto source = [this](char* out, size_t n) -> Result<size_t> {
        if (head_pos_ < head_.size()) {
          const size_t k = std::min(n, head_.size() - head_pos_);
          std::memcpy(out, head_.data() + head_pos_, k);
          head_pos_ += k;
          return k;
        }
        size_t got_raw = 0;
        Status s = ReadRaw(out, n, &got_raw);
        if (!s.ok()) return s;
        return got_raw;
      };
      Result<std::unique_ptr<Decompressor>> d = Decompressor::Open(source);
      if (!d.ok()) return d.status();
      decompressor_ = std::move(d).value();
    } else if (!gzipped_) {
      buf_ += head;
      if (got == 0) eof_ = true;
      return Status::Ok();
    } else {
      z_ = std::make_unique<Inflater>();
      if (inflateInit2(&z_->zs, 16 + MAX_WBITS) != Z_OK) return Status::Error("cannot initialise zlib");
      z_->in = std::move(head);
    }
  }
  if (decompressor_) {
    bool end = false;
    Status s = decompressor_->Read(std::max(want, kChunk), &buf_, &end);
    if (end) eof_ = true;
    return s;
  }
  if (!gzipped_) {
    size_t old = buf_.size();
    buf_.resize(old + std::max(want, kChunk));
    size_t got = 0;
    Status s = ReadRaw(buf_.data() + old, buf_.size() - old, &got);
    buf_.resize(old + got);
    if (got == 0) eof_ = true;
    return s;
  }
  // gzip: inflate until `want` more bytes were produced or the input ends.
  size_t produced = 0;
  char out[kChunk];
  Inflater& z = *z_;
  while (produced < want) {
    if (z.in.empty()) {
      if (raw_eof_) {
        eof_ = true;
        if (!z.member_done) return Status::Error("truncated gzip data");
        return Status::Ok();
      }
      z.in.resize(kChunk);
      size_t got = 0;
      Status s = ReadRaw(z.in.data(), z.in.size(), &got);
      z.in.resize(got);
      if (!s.ok()) return s;
      continue;
    }
    if (z.member_done) {
      // Between members: skip zero padding; anything else must be a new member.
      size_t nz = z.in.find_first_not_of('\0');
      if (nz == std::string::npos) {
        z.in.clear();
        continue;
      }
      z.in.erase(0, nz);
      if (z.in.size() < 2 && !raw_eof_) {
        std::string more(kChunk, '\0');
        size_t got = 0;
        Status s = ReadRaw(more.data(), more.size(), &got);
        if (!s.ok()) return s;
        z.in.append(more, 0, got);
        continue;
      }
      if (z.in.size() < 2 || static_cast<unsigned char>(z.in[0]) != 0x1f ||
          static_cast<unsigned char>(z.in[1]) != 0x8b) {
        eof_ = true;
        return Status::Error("trailing garbage after gzip data");
      }
      inflateReset(&z.zs);
      z.member_done = false;
    }
    z.zs.next_in = reinterpret_cast<Bytef*>(z.in.data());
    z.zs.avail_in = static_cast<uInt>(z.in.size());
    z.zs.next_out = reinterpret_cast<Bytef*>(out);
    z.zs.avail_out = sizeof out;
    int rc = inflate(&z.zs, Z_NO_FLUSH);
    size_t n = sizeof out - z.zs.avail_out;
    buf_.append(out, n);
    produced += n;
    z.in.erase(0, z.in.size() - z.zs.avail_in);
    if (rc == Z_STREAM_END) {
      z.member_done = true;
    } else if (rc == Z_BUF_ERROR && z.in.empty()) {
      continue;  // needs more input
    } else if (rc != Z_OK) {
      eof_ = true;
      return Status::Error(std::string("corrupt gzip data: ") + (z.zs.msg ? z.zs.msg : "inflate failed"));
    }
  }
  return Status::Ok();
}

Status ByteStream::Fill(size_t n) {
  while (available().size() < n && !eof_) {
    if (!error_.ok()) break;
    Status s = ReadMore(n - available().size());
    if (!s.ok()) {
      error_ = s;
      eof_ = true;
    }
  }
  if (!error_.ok() && !error_reported_) {
    error_reported_ = true;
    return error_;
  }
  return Status::Ok();
}

Status ByteStream::FillAll(size_t max_bytes) {
  while (!eof_) {
    Status s = Fill(available().size() + (1 << 20));
    if (!s.ok()) return s;
    if (available().size() > max_bytes)
      return Status::Error("decompressed size exceeds the limit of " +
                           std::to_string(max_bytes / (1024 * 1024)) + " MB");
  }
  return Status::Ok();
}

void ByteStream::Consume(size_t n) {
  pos_ += std::min(n, buf_.size() - pos_);
  // Compact once the consumed prefix dominates, so memory stays near one record.
  if (pos_ > (1 << 20) && pos_ * 2 > buf_.size()) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
}

}  // namespace faultline
