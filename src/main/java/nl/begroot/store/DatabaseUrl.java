package nl.begroot.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the data lives, from what a user types: nothing (an H2 file in {@code ./data}), a
 * directory for H2, {@code postgresql://user:password@host:port/db}, or a {@code jdbc:} URL.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {
  private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /**
   * Durability of the embedded database (decision 94 in docs/DECISIONS.md): {@code WRITE_DELAY=0}
   * makes H2 write a commit's changes to the file before the commit returns (H2's default, 500 ms,
   * leaves them to a background thread, so a killed process loses commits it had acknowledged), and
   * the {@code durable:} file system ({@link DurableFiles}) makes that write reach the disk;
   * {@code DB_CLOSE_DELAY=-1} keeps the database open (and {@link Database}'s append-only setting
   * with it) until {@link Database#close()} shuts it down.
   */
  static final String H2_DURABILITY = ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1";

  public static DatabaseUrl h2File(Path directory) {
    return new DatabaseUrl("jdbc:h2:" + DurableFiles.SCHEME + ":" + directory.toAbsolutePath().resolve("begroot") + H2_OPTIONS + H2_DURABILITY,
        "sa", "");
  }

  /** A private in-memory H2 database, gone when the last connection closes (for tests). */
  public static DatabaseUrl h2Memory(String name) {
    return new DatabaseUrl("jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /**
   * Parses a user's database setting.
   *
   * @throws IllegalArgumentException with a message for the user when the setting is not understood
   */
  public static DatabaseUrl parse(String text) {
    String t = text.trim();
    if (t.startsWith("jdbc:")) {
      return new DatabaseUrl(t, null, null);
    }
    if (t.startsWith("postgresql://") || t.startsWith("postgres://")) {
      URI uri;
      try {
        uri = new URI(t);
      } catch (java.net.URISyntaxException e) {
        // the setting may hold a password: the message names the position, never the text
        throw new IllegalArgumentException("not a PostgreSQL address (" + e.getReason() + " at character " + (e.getIndex() + 1)
            + "); expected postgresql://user:password@host:port/database");
      }
      if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
        throw new IllegalArgumentException("a PostgreSQL address needs a host and a database: postgresql://user@host:5432/begroot");
      }
      String user = null;
      String password = null;
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
      }
      int port = uri.getPort() < 0 ? 5432 : uri.getPort();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath() + query, user, password);
    }
    if (t.startsWith("h2:")) {
      return h2File(Path.of(t.substring(3)));
    }
    throw new IllegalArgumentException("unknown database setting (it starts with '" + kindOf(t)
        + "'): use postgresql://user@host:port/database, h2:DIRECTORY or a jdbc: URL");
  }

  /**
   * The directory of the embedded database ({@link #h2File}), or empty for any other: where a
   * running server leaves its address for {@code begroot backup} (docs/backup.md).
   */
  public java.util.Optional<Path> h2Directory() {
    String prefix = "jdbc:h2:" + DurableFiles.SCHEME + ":";
    String suffix = "/begroot" + H2_OPTIONS + H2_DURABILITY;
    String file = jdbcUrl.replace('\\', '/');
    if (!jdbcUrl.startsWith(prefix) || !file.endsWith(suffix)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Path.of(jdbcUrl.substring(prefix.length(), jdbcUrl.length() - suffix.length())));
  }

  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  /**
   * Where the data lives, for messages and the start-up line: the kind and the file or the host and
   * database, never a user name, password or any other setting of the URL ("H2 file
   * /srv/begroot/data/begroot", "PostgreSQL at db.example.org:5432/begroot").
   */
  public String display() {
    String u = jdbcUrl;
    if (u.startsWith("jdbc:h2:")) {
      String rest = cut(u.substring("jdbc:h2:".length()), ";");
      if (rest.startsWith("mem:")) {
        return "H2 in memory (" + rest.substring(4) + ")";
      }
      rest = rest.replaceFirst("^(" + DurableFiles.SCHEME + ":|file:|nio:|split:)+", "");
      return "H2 file " + rest;
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return "PostgreSQL at " + hostAndDatabase(u.substring("jdbc:postgresql:".length()));
    }
    if (u.startsWith("jdbc:")) {
      String rest = u.substring(5);
      int colon = rest.indexOf(':');
      String kind = colon < 0 ? rest : rest.substring(0, colon);
      return kindOf(kind) + (colon < 0 ? "" : " at " + hostAndDatabase(rest.substring(colon + 1)));
    }
    return "a database";
  }

  /** "//user:pw@host:5432/db?password=x" as "host:5432/db": no user information, no query or settings. */
  private static String hostAndDatabase(String rest) {
    String r = cut(cut(cut(rest, "?"), ";"), "&");
    r = r.replaceFirst("^//", "");
    int at = r.lastIndexOf('@');
    if (at >= 0) {
      r = r.substring(at + 1);
    }
    return r.isEmpty() ? "?" : r;
  }

  private static String cut(String s, String at) {
    int i = s.indexOf(at);
    return i < 0 ? s : s.substring(0, i);
  }

  /** The first word of a setting (letters, digits, "-", "_"), at most 20 characters: what kind it claims to be. */
  private static String kindOf(String text) {
    String k = text.replaceFirst("^([A-Za-z0-9_-]{0,20}).*$", "$1");
    return k.isEmpty() ? "?" : k;
  }

  /**
   * {@code message} with this database's password and user information taken out: a driver's message
   * may quote the URL or a setting ({@code password=...}, {@code //user:password@host}).
   */
  public String redact(String message) {
    if (message == null) {
      return null;
    }
    String m = message;
    if (password != null && !password.isEmpty()) {
      m = m.replace(password, "***");
    }
    m = m.replaceAll("(?i)(password|passwd|pwd)=[^&;\\s]*", "$1=***");
    m = m.replaceAll("//[^/@\\s]*:[^/@\\s]*@", "//***@");
    return m;
  }
}
