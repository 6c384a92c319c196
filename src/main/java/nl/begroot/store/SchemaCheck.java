package nl.begroot.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether a database's schema is exactly what this program's migrations make, told without
 * starting Flyway (decision 147): the rows of {@code flyway_schema_history} must be the migrations
 * this program ships (the SQL files under its migration locations and its Java migrations), each
 * applied successfully, with the same version, description, type, script and checksum that Flyway
 * records, and nothing else. Then Flyway would find nothing to apply and nothing to complain
 * about, and starting it (about a second of a cold start: its configuration, plugins and
 * classes) can be skipped. Any difference, or anything this check cannot read or list, answers
 * "no", and Flyway runs as always: it applies, validates and reports; this check never decides
 * that something is wrong.
 */
final class SchemaCheck {
  private SchemaCheck() {}

  /** One migration as Flyway records it in its history table. */
  record Row(String version, String description, String type, String script, Integer checksum) {}

  /** Whether the schema needs no migration and no validation (see the class). */
  static boolean upToDate(DataSource dataSource, List<String> locations, List<Class<?>> javaMigrations) {
    try {
      TreeSet<String> expected = new TreeSet<>();
      for (String location : locations) {
        TreeMap<String, byte[]> files = sqlFiles(location);
        if (files == null) {
          return false;
        }
        files.forEach((name, bytes) -> expected.add(sqlRow(name, bytes).toString()));
      }
      for (Class<?> c : javaMigrations) {
        expected.add(javaRow(c).toString());
      }
      return expected.equals(applied(dataSource));
    } catch (SQLException | IOException | RuntimeException e) {
      return false; // no history table yet, a driver that answers otherwise, a location that cannot be listed: Flyway decides
    }
  }

  /** The successful migration rows of the history table (Flyway's own marker rows left out); null when any failed. */
  static TreeSet<String> applied(DataSource dataSource) throws SQLException {
    TreeSet<String> rows = new TreeSet<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select version, description, type, script, checksum, success from flyway_schema_history")) {
      while (r.next()) {
        String type = r.getString(3);
        if (r.getString(1) == null && ("TABLE".equals(type) || "SCHEMA".equals(type))) {
          continue; // "<< Flyway Schema History table created >>"
        }
        if (!r.getBoolean(6)) {
          return null;
        }
        int checksum = r.getInt(5);
        Integer sum = r.wasNull() ? null : checksum;
        rows.add(new Row(r.getString(1), r.getString(2), type, r.getString(4), sum).toString());
      }
    }
    return rows;
  }

  /** A versioned SQL migration ({@code V6_1__adopted_versions_are_final.sql}) as Flyway records it. */
  static Row sqlRow(String fileName, byte[] content) {
    String stem = fileName.substring(1, fileName.length() - ".sql".length());
    int cut = stem.indexOf("__");
    return new Row(stem.substring(0, cut).replace('_', '.'), stem.substring(cut + 2).replace('_', ' '), "SQL", fileName, checksum(content));
  }

  /** A Java migration ({@code V7__Hash_chained_log}) as Flyway records it: no checksum. */
  static Row javaRow(Class<?> migration) {
    String name = migration.getSimpleName();
    int cut = name.indexOf("__");
    return new Row(name.substring(1, cut).replace('_', '.'), name.substring(cut + 2).replace('_', ' '), "JDBC", migration.getName(), null);
  }

  /**
   * Flyway's checksum of a migration: CRC-32 over its lines in UTF-8, without line ends and without
   * a byte order mark at the start (Flyway's {@code ChecksumCalculator}).
   */
  static int checksum(byte[] content) {
    CRC32 crc = new CRC32();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
      String line = in.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      for (; line != null; line = in.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e); // a byte array does not fail to read
    }
    return (int) crc.getValue();
  }

  /**
   * The versioned SQL migrations ({@code V*__*.sql}) at a {@code classpath:} location, by file name
   * with their bytes; null when the location is found in more than one place or in a kind of place
   * this cannot list (then Flyway, which scans the class path itself, decides).
   */
  static TreeMap<String, byte[]> sqlFiles(String location) throws IOException {
    if (!location.startsWith("classpath:")) {
      return null;
    }
    String folder = location.substring("classpath:".length());
    ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(), SchemaCheck.class.getClassLoader());
    Enumeration<URL> found = loader.getResources(folder);
    if (!found.hasMoreElements()) {
      return null;
    }
    URL url = found.nextElement();
    if (found.hasMoreElements()) {
      return null;
    }
    TreeMap<String, byte[]> files = new TreeMap<>();
    if (url.getProtocol().equals("file")) {
      Path dir;
      try {
        dir = Path.of(url.toURI());
      } catch (URISyntaxException e) {
        return null;
      }
      try (var list = Files.list(dir)) {
        for (Path p : (Iterable<Path>) list::iterator) {
          String name = p.getFileName().toString();
          if (Files.isDirectory(p)) {
            return null; // Flyway looks into subfolders too
          }
          if (versioned(name)) {
            files.put(name, Files.readAllBytes(p));
          } else if (migrationLike(name)) {
            return null;
          }
        }
      }
      return files;
    }
    if (url.getProtocol().equals("jar") && url.openConnection() instanceof JarURLConnection jar) {
      jar.setUseCaches(false);
      try (JarFile file = jar.getJarFile()) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
          JarEntry entry = e.nextElement();
          if (!entry.getName().startsWith(prefix) || entry.getName().equals(prefix)) {
            continue;
          }
          String name = entry.getName().substring(prefix.length());
          if (name.contains("/")) {
            return null;
          }
          if (versioned(name)) {
            try (InputStream in = file.getInputStream(entry)) {
              files.put(name, in.readAllBytes());
            }
          } else if (migrationLike(name)) {
            return null;
          }
        }
      }
      return files;
    }
    return null;
  }

  private static boolean versioned(String name) {
    return name.matches("V[0-9]+(_[0-9]+)*__.+\\.sql");
  }

  /** Another kind of Flyway migration (repeatable, undo, callbacks): not what this check knows. */
  private static boolean migrationLike(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".sql");
  }
}
