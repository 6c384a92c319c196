package nl.begroot.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The log's hash chain: the canonical form of an entry and its SHA-256 (docs/log.md, "The chain").
 * Each entry's hash covers all its fields and the hash of the entry before it ({@code prev_hash};
 * {@link #GENESIS} for the first), so that changing, removing or inserting an entry breaks the chain
 * at that entry.
 *
 * <p>The canonical form is UTF-8 text: the line {@code begroot-log/1}, then one line per field in
 * this order: id, at, actor, action, target, result, version_id, version_slug, version_name,
 * origin_address, origin_client, detail, before, after, prev_hash. Each line is the field's name,
 * {@code =}, and either {@code -} (no value) or the value's length in UTF-8 bytes, {@code :} and the
 * value, followed by a newline. {@code at} is written in UTC with exactly six decimals
 * ({@code 2026-12-02T09:15:00.123456Z}); numbers in decimal. The length prefix makes the form
 * unambiguous whatever a value contains (newlines, "=", ":").
 */
public final class LogChain {
  /** The previous hash of the first entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);
  static final String FORMAT = "begroot-log/1";
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private LogChain() {}

  /** An entry's time as stored and hashed: to the microsecond (both databases keep no more). */
  static Instant stored(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  /** The canonical text of an entry (its own {@code hash} is not part of it). */
  public static String canonical(Change c) {
    StringBuilder b = new StringBuilder(256);
    b.append(FORMAT).append('\n');
    field(b, "id", Long.toString(c.id()));
    field(b, "at", c.at() == null ? null : AT.format(c.at()));
    field(b, "actor", c.actor());
    field(b, "action", c.action());
    field(b, "target", c.target());
    field(b, "result", c.result());
    field(b, "version_id", c.versionId() == null ? null : Long.toString(c.versionId()));
    field(b, "version_slug", c.versionSlug());
    field(b, "version_name", c.versionName());
    field(b, "origin_address", c.originAddress());
    field(b, "origin_client", c.originClient());
    field(b, "detail", c.detail());
    field(b, "before", c.before());
    field(b, "after", c.after());
    field(b, "prev_hash", c.prevHash());
    return b.toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append(name).append('=');
    if (value == null) {
      b.append('-');
    } else {
      b.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
    }
    b.append('\n');
  }

  /** The entry's hash: SHA-256 of its canonical form, in lower-case hex. */
  public static String hash(Change c) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(c).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }

  /** The entry {@code c} chained after the hash {@code prevHash}: with that previous hash and its own hash. */
  static Change chained(Change c, String prevHash) {
    Change linked = new Change(c.id(), c.versionId(), c.versionSlug(), c.versionName(), c.at(), c.actor(), c.action(), c.target(),
        c.before(), c.after(), c.result(), c.originAddress(), c.originClient(), c.detail(), prevHash, null);
    return new Change(linked.id(), linked.versionId(), linked.versionSlug(), linked.versionName(), linked.at(), linked.actor(),
        linked.action(), linked.target(), linked.before(), linked.after(), linked.result(), linked.originAddress(),
        linked.originClient(), linked.detail(), prevHash, hash(linked));
  }
}
