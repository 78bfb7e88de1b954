// The bilingual message catalogue: the words and sentences that the reports, the server and
// the CLI write themselves (the knowledge base's own texts stay with their acts, attributes
// and categories). The catalogue is knowledge/messages.yaml, compiled into the program so
// that it needs no file at run time; tests/kb/messages_test.cc checks that every entry has
// both languages and that every id the sources use exists.
//
// Thread-safe: the catalogue is read once, on first use, and never changes.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>

#include "eucomply/kb.h"
#include "eucomply/status.h"

namespace eucomply {

// The text of message `id` in `lang`. An id that is not in the catalogue is a bug (the test
// above catches it before it ships); it gives "{{id}}" rather than an empty string.
const std::string& Msg(std::string_view id, Lang lang);

// The text of `id` in `lang` with its {} placeholders filled, as fmt::format does.
template <typename... Args>
std::string MsgF(std::string_view id, Lang lang, Args&&... args) {
  return fmt::format(fmt::runtime(Msg(id, lang)), std::forward<Args>(args)...);
}

// Checks catalogue text: a map of id -> {en: ..., zh: ...}, both present and non-empty,
// with as many {} placeholders in each. Every problem at once, at its line and column.
Status CheckMessageCatalogue(std::string_view yaml, std::string_view source);

// The compiled-in knowledge/messages.yaml.
std::string_view MessageCatalogueText();

}  // namespace eucomply
