package nl.begroot.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A backup of everything the store holds (versions, proposals, the hash-chained log, accounts and
 * their identities at the provider; not sessions or sign-in counters), and its restore into an empty
 * database (H2 or PostgreSQL, either way). The format ({@value #FORMAT}, docs/backup.md) is a ZIP file with one
 * JSON-lines entry per table (one row per line, every column by name: ids, slugs, revisions,
 * stamps, times to the microsecond, actors) and {@code manifest.json}: the format, when and from
 * what it was made, per table its row count and the SHA-256 of its entry, and where the sequences
 * continue.
 *
 * <p>The backup reads every table in one read-only transaction that sees one snapshot of the
 * database (REPEATABLE READ on PostgreSQL, SNAPSHOT on H2), so it may run beside a working server:
 * what it copies is the database as it was at one moment. The restore checks the whole file
 * (checksums, counts, every row's columns and types) before it writes anything, then writes every
 * row in one transaction: a damaged file restores nothing.
 */
public final class Backup {
  /** The format's name and version that a backup is written in (docs/backup.md). */
  public static final String FORMAT = "begroot-backup/4";
  /**
   * The formats a restore reads: this one, and the older ones (1: no accounts; 2: no realised figures; 3: no
   * organisations, restored as the IPO's, and no annual accounts).
   */
  static final List<String> READS = List.of("begroot-backup/1", "begroot-backup/2", "begroot-backup/3", FORMAT);
  static final String MANIFEST = "manifest.json";
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int BATCH = 500;

  private Backup() {}

  enum Type {
    LONG, INT, TEXT, BOOL, TIME, DATE
  }

  /** A column; {@code absent} is its value when a backup made before the column existed lacks it (null: none). */
  record Column(String name, Type type, boolean nullable, Object absent) {
    Column(String name, Type type, boolean nullable) {
      this(name, type, nullable, null);
    }
  }

  /** A column added after the format's first backups (V6): optional in a backup, {@code absent} when missing. */
  private static Column later(String name, Type type, Object absent) {
    return new Column(name, type, true, absent);
  }

  /**
   * The statuses of an adopted version: restored as concept first, and set once its proposals and Tussenrapportage
   * rows are in (the V6_1 and V13 triggers).
   */
  private static final java.util.Set<String> ADOPTED = java.util.Set.of("vastgesteld", "gepubliceerd");

  /**
   * A table as the format has it: its columns in order, the order of its rows, and the format
   * version that first has it (a backup of an older version has no entry for it, and restores
   * without its rows).
   */
  record Table(String name, String orderBy, List<Column> columns, int since) {
    Table(String name, String orderBy, List<Column> columns) {
      this(name, orderBy, columns, 1);
    }

    String file() {
      return name + ".jsonl";
    }
  }

  private static Column col(String name, Type type) {
    return new Column(name, type, false);
  }

  private static Column opt(String name, Type type) {
    return new Column(name, type, true);
  }

  /**
   * The tables in the order they are restored (a version before the versions based on it, before
   * its proposals; an account before its identities at a provider). Not backed up: sessions
   * ({@code web_session}, {@code sign_in_pending}: a restore signs nobody in) and the sign-in
   * throttle's counters ({@code sign_in_failure}: they are forgotten within the hour anyway).
   */
  static final List<Table> TABLES = List.of(
      // the organisations (format 4, V12), before the versions that belong to them
      new Table("organisation", "position, slug", List.of(col("slug", Type.TEXT), col("name", Type.TEXT), col("position", Type.INT)), 4),
      new Table("budget_version", "id", List.of(col("id", Type.LONG), col("slug", Type.TEXT), col("name", Type.TEXT),
          col("kind", Type.TEXT), opt("based_on", Type.LONG), col("base_yaml", Type.TEXT), col("revision", Type.INT),
          col("stamp", Type.LONG), col("created_at", Type.TIME), col("created_by", Type.TEXT), col("updated_at", Type.TIME),
          col("updated_by", Type.TEXT), later("status", Type.TEXT, "concept"), opt("adopted_on", Type.DATE),
          opt("adopted_body", Type.TEXT), opt("decision_ref", Type.TEXT), opt("adopted_by", Type.TEXT),
          later("shared", Type.BOOL, Boolean.FALSE), opt("amendment_no", Type.INT),
          later("organisation", Type.TEXT, Organisations.DEFAULT))),
      new Table("proposal", "version_id, position, proposal_id", List.of(col("version_id", Type.LONG), col("proposal_id", Type.TEXT),
          col("position", Type.INT), col("unit_id", Type.TEXT), col("title", Type.TEXT), col("body_yaml", Type.TEXT),
          col("withdrawn", Type.BOOL), col("revision", Type.INT), col("created_at", Type.TIME), col("created_by", Type.TEXT),
          col("updated_at", Type.TIME), col("updated_by", Type.TEXT), later("status", Type.TEXT, "concept"),
          opt("reviewer", Type.TEXT), opt("review_reason", Type.TEXT), opt("reviewed_at", Type.TIME))),
      // the log with its chain (V7); a backup made before V7 has no result, origin, detail or hashes:
      // its entries are restored as "ok" and chained in id order, as the migration chained them
      new Table("change_log", "id", List.of(col("id", Type.LONG), opt("version_id", Type.LONG), opt("version_slug", Type.TEXT),
          opt("version_name", Type.TEXT), col("at", Type.TIME), col("actor", Type.TEXT), col("action", Type.TEXT),
          opt("target", Type.TEXT), opt("before_yaml", Type.TEXT), opt("after_yaml", Type.TEXT), opt("result", Type.TEXT),
          opt("origin_address", Type.TEXT), opt("origin_client", Type.TEXT), opt("detail", Type.TEXT), opt("prev_hash", Type.TEXT),
          opt("entry_hash", Type.TEXT))),
      // people (format 2): the account with its password's Argon2id hash and its second factor, so
      // that everybody signs in after a restore as before; and who they are at the identity provider
      new Table("account", "id", List.of(col("id", Type.TEXT), col("name", Type.TEXT), col("roles", Type.TEXT), col("units", Type.TEXT),
          opt("member", Type.TEXT), col("disabled", Type.BOOL), col("created_at", Type.TIME), col("created_by", Type.TEXT),
          opt("password_hash", Type.TEXT), col("password_once", Type.BOOL), opt("totp_secret", Type.TEXT), opt("totp_pending", Type.TEXT),
          opt("totp_last_step", Type.LONG), opt("organisation", Type.TEXT)), 2),
      // roles in further organisations (format 4, V12)
      new Table("account_role", "account_id, organisation", List.of(col("account_id", Type.TEXT), col("organisation", Type.TEXT),
          col("roles", Type.TEXT)), 4),
      new Table("oidc_identity", "issuer, subject", List.of(col("issuer", Type.TEXT), col("subject", Type.TEXT),
          col("account_id", Type.TEXT), col("first_seen", Type.TIME), col("last_seen", Type.TIME)), 2),
      // realised figures (format 3, V9): each imported period with its source, then its amounts
      new Table("realised_period", "organisation, book_year, period", List.of(col("organisation", Type.TEXT), col("book_year", Type.INT),
          col("period", Type.INT), col("source", Type.TEXT), col("file_name", Type.TEXT), col("file_sha256", Type.TEXT),
          col("version_slug", Type.TEXT), col("imported_at", Type.TIME), col("imported_by", Type.TEXT)), 3),
      new Table("realised_amount", "organisation, book_year, period, unit_id, side, money, third_party", List.of(
          col("organisation", Type.TEXT), col("book_year", Type.INT), col("period", Type.INT), col("unit_id", Type.TEXT),
          col("side", Type.TEXT), col("money", Type.TEXT), col("third_party", Type.TEXT), col("amount_cents", Type.LONG)), 3),
      // the Tussenrapportage (format 4, V10): the period it reports up to, then its forecasts
      new Table("midyear_report", "version_id", List.of(col("version_id", Type.LONG), col("book_year", Type.INT),
          col("up_to_period", Type.INT)), 4),
      new Table("midyear_forecast", "version_id, unit_id", List.of(col("version_id", Type.LONG), col("unit_id", Type.TEXT),
          col("lasten_cents", Type.LONG), col("baten_cents", Type.LONG), col("reason", Type.TEXT), col("revision", Type.INT),
          col("updated_at", Type.TIME), col("updated_by", Type.TEXT)), 4),
      // the annual accounts (format 4, V11): their settings, explanations and reserves, after their versions
      new Table("annual_accounts", "version_id", List.of(col("version_id", Type.LONG), col("book_year", Type.INT), col("source_slug", Type.TEXT),
          col("threshold_cents", Type.LONG), col("threshold_percent", Type.INT), col("revision", Type.INT), col("updated_at", Type.TIME),
          col("updated_by", Type.TEXT)), 4),
      new Table("accounts_explanation", "version_id, programme_id, side", List.of(col("version_id", Type.LONG), col("programme_id", Type.TEXT),
          col("side", Type.TEXT), col("body", Type.TEXT), col("revision", Type.INT), col("updated_at", Type.TIME), col("updated_by", Type.TEXT)), 4),
      new Table("accounts_reserve", "version_id, reserve_id", List.of(col("version_id", Type.LONG), col("reserve_id", Type.TEXT),
          col("position", Type.INT), col("name", Type.TEXT), col("kind", Type.TEXT), col("annex_column", Type.TEXT),
          col("opening_cents", Type.LONG), col("addition_cents", Type.LONG), col("withdrawal_cents", Type.LONG), col("illustration", Type.BOOL)), 4));

  /**
   * What a backup holds or a restore brought back: rows per table and where the sequences continue
   * (the next version id, the next change log id, the next stamp).
   */
  public record Summary(Map<String, Long> rows, long nextVersionId, long nextChangeId, long nextStamp, String createdAt) {}

  // ------------------------------------------------------------------------------------ backup

  /** Writes a backup of {@code database} to {@code out} (a ZIP), from one snapshot of the database. */
  public static Summary write(Database database, OutputStream out) throws IOException {
    try (Connection c = database.jdbi().open().getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      int isolation = c.getTransactionIsolation();
      c.setAutoCommit(false);
      try {
        snapshotIsolation(c, database.url().isPostgres());
        return write(c, database.url().isPostgres(), out);
      } finally {
        c.rollback(); // read only: nothing to keep
        if (database.url().isPostgres()) {
          c.setTransactionIsolation(isolation);
        } else {
          try (Statement s = c.createStatement()) {
            s.execute("set session characteristics as transaction isolation level read committed");
          }
        }
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the database " + database.url().display() + " for the backup: " + database.url().redact(e.getMessage()), e);
    }
  }

  /**
   * One snapshot for the whole transaction: PostgreSQL's REPEATABLE READ takes it at the first
   * query; H2's (MVStore) REPEATABLE READ still lets rows that others insert appear, its SNAPSHOT
   * level does not (it sees every table as it was at the transaction's first read).
   */
  private static void snapshotIsolation(Connection c, boolean postgres) throws SQLException {
    if (postgres) {
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
    } else {
      try (Statement s = c.createStatement()) {
        s.execute("set session characteristics as transaction isolation level snapshot");
      }
    }
  }

  private static Summary write(Connection c, boolean postgres, OutputStream out) throws SQLException, IOException {
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, String> sums = new LinkedHashMap<>();
    String createdAt = Instant.now().toString();
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    for (Table t : TABLES) {
      zip.putNextEntry(new ZipEntry(t.file()));
      MessageDigest sha = sha256();
      long n = 0;
      try (Statement s = c.createStatement()) {
        s.setFetchSize(BATCH);
        try (ResultSet rs = s.executeQuery("select * from " + t.name() + " order by " + t.orderBy())) {
          while (rs.next()) {
            byte[] line = (JSON.writeValueAsString(row(rs, t)) + "\n").getBytes(StandardCharsets.UTF_8);
            sha.update(line);
            zip.write(line);
            n++;
          }
        }
      }
      zip.closeEntry();
      rows.put(t.name(), n);
      sums.put(t.name(), HexFormat.of().formatHex(sha.digest()));
    }
    long nextVersionId = 1 + maxOf(c, "select max(m) from (select max(id) as m from budget_version"
        + " union all select max(version_id) as m from change_log) x");
    long nextChangeId = 1 + maxOf(c, "select max(id) from change_log");
    long nextStamp = Math.max(1 + maxOf(c, "select max(stamp) from budget_version"), stampSequence(c, postgres));
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", FORMAT);
    manifest.put("created_at", createdAt);
    manifest.put("source", postgres ? "postgresql" : "h2");
    ObjectNode tables = manifest.putObject("tables");
    for (Table t : TABLES) {
      tables.putObject(t.name()).put("file", t.file()).put("rows", rows.get(t.name())).put("sha256", sums.get(t.name()));
    }
    manifest.putObject("sequences").put("budget_version.id", nextVersionId).put("change_log.id", nextChangeId)
        .put("version_stamp", nextStamp);
    zip.putNextEntry(new ZipEntry(MANIFEST));
    zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.finish();
    zip.flush();
    return new Summary(rows, nextVersionId, nextChangeId, nextStamp, createdAt);
  }

  private static long maxOf(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1); // null (no rows) reads as 0
    }
  }

  /** The next value the stamp sequence hands out (it may be past the highest stamp kept: deleted versions had some). */
  private static long stampSequence(Connection c, boolean postgres) throws SQLException {
    String sql = postgres
        ? "select case when is_called then last_value + 1 else last_value end from version_stamp"
        : "select base_value from information_schema.sequences where lower(sequence_name) = 'version_stamp'";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static ObjectNode row(ResultSet rs, Table t) throws SQLException {
    ObjectNode o = JSON.createObjectNode();
    for (Column col : t.columns()) {
      String n = col.name();
      switch (col.type()) {
        case LONG -> {
          long v = rs.getLong(n);
          if (rs.wasNull()) {
            o.putNull(n);
          } else {
            o.put(n, v);
          }
        }
        case INT -> {
          int v = rs.getInt(n);
          if (rs.wasNull()) {
            o.putNull(n);
          } else {
            o.put(n, v);
          }
        }
        case DATE -> {
          java.sql.Date v = rs.getDate(n);
          if (v == null) {
            o.putNull(n);
          } else {
            o.put(n, v.toLocalDate().toString());
          }
        }
        case BOOL -> o.put(n, rs.getBoolean(n));
        case TEXT -> {
          String v = rs.getString(n);
          if (v == null) {
            o.putNull(n);
          } else {
            o.put(n, v);
          }
        }
        case TIME -> {
          Timestamp v = rs.getTimestamp(n);
          if (v == null) {
            o.putNull(n);
          } else {
            o.put(n, v.toInstant().toString());
          }
        }
        default -> throw new IllegalStateException(col.type().name());
      }
    }
    return o;
  }

  // ----------------------------------------------------------------------------------- restore

  /** A backup file that cannot be restored, or a database that cannot take it; the message says why. */
  public static final class RestoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RestoreException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Restores the backup {@code file} into {@code database}, which must be empty (migrated, without
   * versions or log). The whole file is checked first; then every row is written in one
   * transaction, and the sequences are set to continue after the restored ids and stamps.
   *
   * @throws RestoreException when the file is damaged or not a backup, or the database is not empty;
   *     nothing is written then
   */
  public static Summary restore(Database database, Path file) {
    try (ZipFile zip = open(file)) {
      Manifest manifest = checked(zip, file);
      try (Connection c = database.jdbi().open().getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          refuseNonEmpty(c, database);
          restartSequences(c, manifest);
          if (manifest.version() < 4) {
            // made before organisations (V12): everything in it is the IPO's
            try (PreparedStatement ipo = c.prepareStatement("insert into organisation (slug, name, position) values (?, ?, 1)")) {
              ipo.setString(1, Organisations.DEFAULT);
              ipo.setString(2, Organisations.DEFAULT_NAME);
              ipo.executeUpdate();
            }
          }
          Chain chain = new Chain();
          List<Object[]> adopted = new ArrayList<>();
          for (Table t : manifest.tables()) {
            try (PreparedStatement insert = c.prepareStatement(insertSql(t))) {
              read(zip, t, manifest, insert, t.name().equals("change_log") ? chain : null, adopted);
            }
          }
          // an adopted version takes no proposals, report or forecasts (V6_1, V13): it came in as concept, and is
          // adopted now that they are in
          try (PreparedStatement adopt = c.prepareStatement("update budget_version set status = ? where id = ?")) {
            for (Object[] a : adopted) {
              adopt.setString(1, (String) a[1]);
              adopt.setLong(2, (Long) a[0]);
              adopt.executeUpdate();
            }
          }
          chain.saveHead(c);
          c.commit();
        } catch (IOException | SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(autoCommit);
        }
      }
      return new Summary(manifest.rows(), manifest.nextVersionId(), manifest.nextChangeId(), manifest.nextStamp(), manifest.createdAt());
    } catch (IOException e) {
      throw new RestoreException("cannot read " + file + ": " + Database.rootMessage(e));
    } catch (SQLException e) {
      throw new StoreException("the restore into " + database.url().display() + " failed, nothing was restored: " + database.url().redact(e.getMessage()), e);
    }
  }

  /**
   * Checks the backup {@code file} as a restore does before it writes (the manifest, each table's
   * checksum and row count, every row's columns and types) and says what it holds; for a backup
   * that came over the network, before it is kept.
   *
   * @throws RestoreException when the file is damaged, cut short or not a backup
   */
  public static Summary check(Path file) {
    try (ZipFile zip = open(file)) {
      Manifest manifest = checked(zip, file);
      return new Summary(manifest.rows(), manifest.nextVersionId(), manifest.nextChangeId(), manifest.nextStamp(), manifest.createdAt());
    } catch (IOException e) {
      throw new RestoreException("cannot read " + file + ": " + Database.rootMessage(e));
    }
  }

  private static Manifest checked(ZipFile zip, Path file) throws IOException {
    Manifest manifest = manifest(zip, file);
    for (Table t : manifest.tables()) {
      checksum(zip, t, manifest); // a damaged file says so, before its rows are read
    }
    for (Table t : manifest.tables()) {
      read(zip, t, manifest, null, null, null); // every row checked before anything is written
    }
    return manifest;
  }

  private static ZipFile open(Path file) throws IOException {
    try {
      return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
    } catch (ZipException e) {
      throw new RestoreException(file + " is not a complete Begroot backup (not a readable ZIP file: it may be cut short or damaged)");
    } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
      throw new RestoreException(file + " does not exist");
    }
  }

  /** What the manifest says; {@code version} is the format's (1 to 4), {@code rows} has every table of {@link #TABLES} (0 for one the format has not). */
  private record Manifest(int version, Map<String, Long> rows, Map<String, String> sums, long nextVersionId, long nextChangeId,
      long nextStamp, String createdAt) {
    /** The tables a backup of this format holds. */
    List<Table> tables() {
      return TABLES.stream().filter(t -> t.since() <= version).toList();
    }
  }

  private static Manifest manifest(ZipFile zip, Path file) throws IOException {
    ZipEntry e = zip.getEntry(MANIFEST);
    if (e == null) {
      throw new RestoreException(file + " is not a Begroot backup: it has no " + MANIFEST);
    }
    JsonNode m;
    try (InputStream in = zip.getInputStream(e)) {
      m = JSON.readTree(in);
    } catch (JacksonException x) {
      throw new RestoreException(file + ": " + MANIFEST + " is damaged (" + x.getOriginalMessage() + ")");
    } catch (ZipException x) {
      throw new RestoreException(file + ": " + MANIFEST + " is damaged (" + x.getMessage() + ")");
    }
    String format = text(m, "format");
    if (!READS.contains(format)) {
      throw new RestoreException(file + " is in the format '" + format + "'; this Begroot restores " + String.join(" and ", READS));
    }
    int version = READS.indexOf(format) + 1;
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, String> sums = new LinkedHashMap<>();
    for (Table t : TABLES) {
      if (t.since() > version) {
        rows.put(t.name(), 0L); // an older backup: nothing of this table
        continue;
      }
      JsonNode tn = m.path("tables").path(t.name());
      if (!tn.path("rows").isIntegralNumber() || !tn.path("sha256").isString()) {
        throw new RestoreException(file + ": " + MANIFEST + " does not describe the table " + t.name());
      }
      rows.put(t.name(), tn.path("rows").asLong());
      sums.put(t.name(), tn.path("sha256").asString());
    }
    JsonNode seq = m.path("sequences");
    for (String s : List.of("budget_version.id", "change_log.id", "version_stamp")) {
      if (!seq.path(s).isIntegralNumber() || seq.path(s).asLong() < 1) {
        throw new RestoreException(file + ": " + MANIFEST + " has no valid position for the sequence " + s);
      }
    }
    return new Manifest(version, rows, sums, seq.path("budget_version.id").asLong(), seq.path("change_log.id").asLong(),
        seq.path("version_stamp").asLong(), text(m, "created_at"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isString() ? v.asString() : null;
  }

  private static void checksum(ZipFile zip, Table t, Manifest manifest) throws IOException {
    ZipEntry e = zip.getEntry(t.file());
    if (e == null) {
      throw new RestoreException("the backup has no " + t.file());
    }
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(zip.getInputStream(e), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (ZipException | java.io.EOFException x) {
      throw new RestoreException(t.file() + " is damaged (" + x.getMessage() + ")");
    }
    if (!HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(manifest.sums().get(t.name()))) {
      throw new RestoreException(t.file() + " does not match its checksum in the manifest: the file is damaged");
    }
  }

  /** Reads one table's entry, checking each row and, at the end, its count and checksum; inserts the rows when {@code insert} is given. */
  private static void read(ZipFile zip, Table t, Manifest manifest, PreparedStatement insert, Chain chain, List<Object[]> adopted)
      throws IOException {
    ZipEntry e = zip.getEntry(t.file());
    if (e == null) {
      throw new RestoreException("the backup has no " + t.file());
    }
    MessageDigest sha = sha256();
    long n = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new DigestInputStream(zip.getInputStream(e), sha),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        n++;
        JsonNode row;
        try {
          row = JSON.readTree(line);
        } catch (JacksonException x) {
          throw new RestoreException(t.file() + ", line " + n + ": not a JSON object (" + x.getOriginalMessage() + ")");
        }
        if (row == null || !row.isObject()) {
          throw new RestoreException(t.file() + ", line " + n + ": not a JSON object");
        }
        Object[] values = values(t, row, n);
        if (manifest.version() < 4 && (t.name().equals("budget_version") || t.name().equals("account"))) {
          // made before organisations (V12): everything in it is the IPO's
          values[Chain.index(t, "organisation")] = t.name().equals("account") ? null : Organisations.DEFAULT;
        }
        if (chain != null) {
          chain.fill(t, values);
        }
        if (insert != null && adopted != null && t.name().equals("budget_version")) {
          int status = statusColumn(t);
          if (ADOPTED.contains(values[status])) {
            adopted.add(new Object[] {values[0], values[status]});
            values[status] = "concept";
          }
        }
        if (insert != null) {
          bind(insert, t, values);
          if (n % BATCH == 0) {
            insert.executeBatch();
          }
        }
      }
      if (insert != null && n % BATCH != 0) {
        insert.executeBatch();
      }
    } catch (ZipException x) {
      throw new RestoreException(t.file() + " is damaged (" + x.getMessage() + ")");
    } catch (java.io.EOFException x) {
      throw new RestoreException(t.file() + " is cut short");
    } catch (SQLException x) {
      throw new RestoreException(t.file() + ", row " + n + " cannot be stored: " + x.getMessage());
    }
    if (n != manifest.rows().get(t.name())) {
      throw new RestoreException(t.file() + " has " + n + " rows; the manifest says " + manifest.rows().get(t.name()));
    }
    String sum = HexFormat.of().formatHex(sha.digest());
    if (!sum.equalsIgnoreCase(manifest.sums().get(t.name()))) {
      throw new RestoreException(t.file() + " does not match its checksum in the manifest: the file is damaged");
    }
  }

  /**
   * The log's chain through a restore: entries that carry their hashes keep them (a restored log
   * verifies exactly as the original did); entries of a backup made before the chain existed are
   * chained here in id order, as migration V7 chained them. The head is set to the last entry.
   */
  private static final class Chain {
    private String last = LogChain.GENESIS;
    private long lastId;

    void fill(Table t, Object[] v) {
      int result = index(t, "result");
      int prev = index(t, "prev_hash");
      int hash = index(t, "entry_hash");
      if (v[result] == null) {
        v[result] = "ok";
      }
      if (v[prev] == null && v[hash] == null) {
        Change c = new Change((Long) v[index(t, "id")], (Long) v[index(t, "version_id")], (String) v[index(t, "version_slug")],
            (String) v[index(t, "version_name")], ((Timestamp) v[index(t, "at")]).toInstant(), (String) v[index(t, "actor")],
            (String) v[index(t, "action")], (String) v[index(t, "target")], (String) v[index(t, "before_yaml")],
            (String) v[index(t, "after_yaml")], (String) v[result], (String) v[index(t, "origin_address")],
            (String) v[index(t, "origin_client")], (String) v[index(t, "detail")], null, null);
        Change chained = LogChain.chained(c, last);
        v[prev] = chained.prevHash();
        v[hash] = chained.hash();
      }
      last = (String) v[hash];
      lastId = (Long) v[index(t, "id")];
    }

    private static int index(Table t, String column) {
      for (int i = 0; i < t.columns().size(); i++) {
        if (t.columns().get(i).name().equals(column)) {
          return i;
        }
      }
      throw new IllegalStateException("no column " + column);
    }

    void saveHead(Connection c) throws SQLException {
      try (PreparedStatement u = c.prepareStatement("update log_chain_head set last_id = ?, last_hash = ? where id = 1")) {
        u.setLong(1, lastId);
        u.setString(2, last);
        u.executeUpdate();
      }
    }
  }

  private static int statusColumn(Table t) {
    for (int i = 0; i < t.columns().size(); i++) {
      if (t.columns().get(i).name().equals("status")) {
        return i;
      }
    }
    throw new IllegalStateException("no status column in " + t.name());
  }

  private static Object[] values(Table t, JsonNode row, long line) {
    Object[] values = new Object[t.columns().size()];
    for (int i = 0; i < values.length; i++) {
      Column col = t.columns().get(i);
      JsonNode v = row.get(col.name());
      String where = t.file() + ", line " + line + ", " + col.name();
      if (v == null || v.isNull()) {
        if (!col.nullable()) {
          throw new RestoreException(where + ": missing");
        }
        values[i] = col.absent();
        continue;
      }
      values[i] = switch (col.type()) {
        case LONG -> {
          if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new RestoreException(where + ": not a whole number");
          }
          yield v.asLong();
        }
        case INT -> {
          if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new RestoreException(where + ": not a whole number");
          }
          yield v.asInt();
        }
        case BOOL -> {
          if (!v.isBoolean()) {
            throw new RestoreException(where + ": not true or false");
          }
          yield v.asBoolean();
        }
        case TEXT -> {
          if (!v.isString()) {
            throw new RestoreException(where + ": not text");
          }
          yield v.asString();
        }
        case TIME -> {
          try {
            yield Timestamp.from(Instant.parse(v.asString()));
          } catch (DateTimeParseException x) {
            throw new RestoreException(where + ": not a time (like 2026-12-01T10:15:30.123456Z)");
          }
        }
        case DATE -> {
          try {
            yield java.sql.Date.valueOf(java.time.LocalDate.parse(v.asString()));
          } catch (DateTimeParseException x) {
            throw new RestoreException(where + ": not a date (like 2026-12-01)");
          }
        }
      };
    }
    return values;
  }

  private static String insertSql(Table t) {
    StringBuilder names = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (Column col : t.columns()) {
      names.append(names.isEmpty() ? "" : ", ").append(col.name());
      marks.append(marks.isEmpty() ? "?" : ", ?");
    }
    return "insert into " + t.name() + " (" + names + ") values (" + marks + ")";
  }

  private static void bind(PreparedStatement insert, Table t, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Column col = t.columns().get(i);
      Object v = values[i];
      int p = i + 1;
      if (v == null) {
        insert.setNull(p, switch (col.type()) {
          case LONG -> java.sql.Types.BIGINT;
          case INT -> java.sql.Types.INTEGER;
          case BOOL -> java.sql.Types.BOOLEAN;
          case TEXT -> java.sql.Types.VARCHAR;
          case TIME -> java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
          case DATE -> java.sql.Types.DATE;
        });
      } else if (v instanceof Timestamp ts) {
        insert.setTimestamp(p, ts);
      } else if (v instanceof java.sql.Date d) {
        insert.setDate(p, d);
      } else {
        insert.setObject(p, v);
      }
    }
    insert.addBatch();
  }

  private static void refuseNonEmpty(Connection c, Database database) throws SQLException {
    long versions = maxOf(c, "select count(*) from budget_version");
    long changes = maxOf(c, "select count(*) from change_log");
    long accounts = maxOf(c, "select count(*) from account");
    if (versions > 0 || changes > 0 || accounts > 0) {
      throw new RestoreException("the database " + database.url().display() + " is not empty (" + versions + " versions, " + changes
          + " change log entries, " + accounts + " accounts); restore only into an empty database, before the first 'begroot serve' (which fills it)");
    }
    // an organisation without versions or people holds nothing: the backup's organisations take its place
    try (var s = c.createStatement()) {
      s.executeUpdate("delete from organisation");
    }
  }

  /**
   * Sets the ids and stamps to continue after the restored ones. Done before the rows are written,
   * on the empty database: rows are written with their own ids, which an identity column does not
   * count, and if the rows fail the database stays empty (on H2 this DDL commits at once).
   */
  private static void restartSequences(Connection c, Manifest m) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("alter table budget_version alter column id restart with " + m.nextVersionId());
      s.execute("alter table change_log alter column id restart with " + m.nextChangeId());
      s.execute("alter sequence version_stamp restart with " + m.nextStamp());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
