package nl.begroot.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import org.jdbi.v3.core.Jdbi;

/**
 * Accounts and their sessions. A session is a random 256-bit token in a cookie; the database keeps
 * only its SHA-256, when it started and when it was last seen. A session ends when it is idle for
 * {@link #IDLE}, when it is older than {@link #ABSOLUTE}, when it is ended (sign-out), and at once
 * for every session of an account that is disabled.
 */
public final class AccountStore {
  public static final Duration IDLE = Duration.ofMinutes(30);
  public static final Duration ABSOLUTE = Duration.ofHours(12);
  /** last_seen is written at most this often per session (not on every request). */
  private static final Duration TOUCH = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An account as stored. */
  public record Account(String id, String name, Set<Role> roles, Set<String> units, String member, boolean disabled) {
    public Account {
      roles = Set.copyOf(roles);
      units = Set.copyOf(units);
    }

    /** The person this account signs in, with or without the second factor passed. */
    public Actor actor(boolean secondFactor) {
      return Actor.person(id, name, roles, units, member, secondFactor);
    }
  }

  private final Jdbi jdbi;

  public AccountStore(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Creates an account; false when the id is taken. */
  public boolean create(Account account, String createdBy) {
    try {
      Instant now = Instant.now();
      jdbi.useTransaction(h -> {
        h.createUpdate("insert into account (id, name, roles, units, member, disabled, created_at, created_by)"
                + " values (:id, :name, :roles, :units, :member, :disabled, :now, :by)")
            .bind("id", account.id()).bind("name", account.name()).bind("roles", codes(account.roles()))
            .bind("units", String.join(",", account.units())).bind("member", account.member())
            .bind("disabled", account.disabled()).bind("now", now).bind("by", createdBy).execute();
        // logged in the same transaction (docs/log.md): who made which account with which roles
        AuditLog.record(h, LogEntry.account(createdBy, "account.create", account.id(), null,
            "roles: \"" + codes(account.roles()) + "\"\nunits: \"" + String.join(",", account.units()) + "\"\nmember: "
                + (account.member() == null ? "null" : "\"" + account.member() + "\"") + "\ndisabled: " + account.disabled() + "\n"), now);
      });
      return true;
    } catch (RuntimeException e) {
      if (VersionStore.uniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  public Optional<Account> account(String id) {
    return jdbi.withHandle(h -> h.createQuery("select * from account where id = :id").bind("id", id)
        .map((rs, ctx) -> account(rs)).findOne());
  }

  public List<Account> accounts() {
    return jdbi.withHandle(h -> h.createQuery("select * from account order by id").map((rs, ctx) -> account(rs)).list());
  }

  /** Disables (or enables) an account; a disabled account's sessions end at once. False when there is no such account. */
  public boolean setDisabled(String id, boolean disabled) {
    return jdbi.inTransaction(h -> {
      int n = h.createUpdate("update account set disabled = :d where id = :id").bind("d", disabled).bind("id", id).execute();
      if (disabled) {
        h.createUpdate("delete from web_session where account_id = :id").bind("id", id).execute();
      }
      return n == 1;
    });
  }

  /** Starts a session for an enabled account: the token for its cookie. */
  public Optional<String> startSession(String accountId, boolean secondFactor) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = Instant.now();
    int n = jdbi.withHandle(h -> h.createUpdate("insert into web_session (token_hash, account_id, second_factor, created_at, last_seen)"
            + " select :hash, id, :second, :now, :now from account where id = :id and disabled = false")
        .bind("hash", hash(token)).bind("second", secondFactor).bind("now", now).bind("id", accountId).execute());
    return n == 1 ? Optional.of(token) : Optional.empty();
  }

  /**
   * The person a session token signs in, while the session lives (not idle too long, not too old, the
   * account enabled); an expired session is removed.
   */
  public Optional<Actor> session(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(token);
    Instant now = Instant.now();
    return jdbi.withHandle(h -> {
      var row = h.createQuery("select s.second_factor, s.created_at, s.last_seen, a.* from web_session s"
              + " join account a on a.id = s.account_id where s.token_hash = :hash")
          .bind("hash", hash).map((rs, ctx) -> new Object[] {account(rs), rs.getBoolean("second_factor"),
              rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_seen").toInstant()}).findOne();
      if (row.isEmpty()) {
        return Optional.<Actor>empty();
      }
      Account a = (Account) row.get()[0];
      Instant created = (Instant) row.get()[2];
      Instant seen = (Instant) row.get()[3];
      if (a.disabled() || now.isAfter(created.plus(ABSOLUTE)) || now.isAfter(seen.plus(IDLE))) {
        h.createUpdate("delete from web_session where token_hash = :hash").bind("hash", hash).execute();
        return Optional.<Actor>empty();
      }
      if (now.isAfter(seen.plus(TOUCH))) {
        h.createUpdate("update web_session set last_seen = :now where token_hash = :hash").bind("now", now).bind("hash", hash).execute();
      }
      return Optional.of(a.actor((Boolean) row.get()[1]));
    });
  }

  /** Ends a session (sign-out). */
  public void endSession(String token) {
    if (token != null && token.length() <= 100) {
      jdbi.useHandle(h -> h.createUpdate("delete from web_session where token_hash = :hash").bind("hash", hash(token)).execute());
    }
  }

  /**
   * The CSRF token of the session whose cookie carries {@code token}: derived from it (so nothing more
   * is stored and it ends with the session), sent back by every form as {@code _csrf} and by every
   * script as the header {@code X-CSRF-Token}.
   */
  public static String csrfToken(String token) {
    return hash("csrf:" + token);
  }

  private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
    Set<Role> roles = new LinkedHashSet<>();
    for (String code : split(rs.getString("roles"))) {
      Role.of(code).ifPresent(roles::add);
    }
    return new Account(rs.getString("id"), rs.getString("name"), roles, new LinkedHashSet<>(split(rs.getString("units"))),
        rs.getString("member"), rs.getBoolean("disabled"));
  }

  private static List<String> split(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String codes(Set<Role> roles) {
    return roles.stream().map(Role::code).sorted().collect(Collectors.joining(","));
  }

  static String hash(String token) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : d) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
