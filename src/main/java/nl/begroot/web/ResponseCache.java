package nl.begroot.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Responses made once and sent many times (rendered pages, API tables, generated downloads), as
 * bytes, keyed by what they depend on: the version and its stamp (new at every write), and for
 * pages the language and the path with its query. A changed version is never served from here;
 * the least recently used entries fall out when the cache is full.
 */
final class ResponseCache {
  private final int capacity;
  private final Map<String, byte[]> entries;

  ResponseCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
        return size() > ResponseCache.this.capacity;
      }
    };
  }

  static String key(String slug, long stamp, String lang, String pathAndQuery) {
    return slug + "@" + stamp + "|" + lang + "|" + pathAndQuery;
  }

  /** The response as UTF-8 bytes (encoded once, sent many times), or null. */
  synchronized byte[] get(String key) {
    return entries.get(key);
  }

  synchronized byte[] put(String key, String value) {
    return put(key, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  synchronized byte[] put(String key, byte[] bytes) {
    entries.put(key, bytes);
    return bytes;
  }

  byte[] computeIfAbsent(String key, Supplier<String> render) {
    byte[] cached = get(key);
    return cached != null ? cached : put(key, render.get());
  }
}
