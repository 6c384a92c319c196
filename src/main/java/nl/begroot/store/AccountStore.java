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
  public record Account(String id, String name, Set<Role> roles, Set<String> units, String member, boolean disabled,
      String organisation, java.util.Map<String, Set<Role>> elsewhere) {
    public Account {
      roles = Set.copyOf(roles);
      units = Set.copyOf(units);
      elsewhere = elsewhere == null ? java.util.Map.of() : java.util.Map.copyOf(elsewhere);
    }

    /** An account of the first organisation, with roles nowhere else. */
    public Account(String id, String name, Set<Role> roles, Set<String> units, String member, boolean disabled) {
      this(id, name, roles, units, member, disabled, null, null);
    }

    /**
     * The person this account signs in, with or without the second factor passed: its roles, units and member
     * in its organisation ({@code organisation}, as read: null in a database without organisations), its roles
     * elsewhere (V12, decision 165).
     */
    public Actor actor(boolean secondFactor) {
      return Actor.person(id, name, roles, units, member, secondFactor).inOrganisations(organisation, elsewhere);
    }
  }

  private record SessionRow(Account account, boolean secondFactor, Instant created, Instant seen) {}

  private final Jdbi jdbi;

  public AccountStore(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Creates an account; false when the id is taken. */
  public boolean create(Account account, String createdBy) {
    try {
      Instant now = Instant.now();
      jdbi.useTransaction(h -> {
        h.createUpdate("insert into account (id, name, roles, units, member, disabled, created_at, created_by, organisation)"
                + " values (:id, :name, :roles, :units, :member, :disabled, :now, :by, :org)")
            .bind("id", account.id()).bind("name", account.name()).bind("roles", codes(account.roles()))
            .bind("units", String.join(",", account.units())).bind("member", account.member())
            .bind("disabled", account.disabled()).bind("now", now).bind("by", createdBy).bind("org", account.organisation()).execute();
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
    return jdbi.withHandle(h -> h.createQuery("select *, " + ORGANISATION + " as home from account where id = :id").bind("id", id)
        .map((rs, ctx) -> account(rs)).findOne().map(a -> elsewhere(h, a)));
  }

  public List<Account> accounts() {
    return jdbi.withHandle(h -> h.createQuery("select *, " + ORGANISATION + " as home from account order by id")
        .map((rs, ctx) -> account(rs)).list().stream().map(a -> elsewhere(h, a)).toList());
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
    String token = newToken();
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
      var row = h.createQuery("select s.second_factor, s.created_at, s.last_seen, a.*, " + ORGANISATION + " as home from web_session s"
              + " join account a on a.id = s.account_id where s.token_hash = :hash")
          .bind("hash", hash).map((rs, ctx) -> new SessionRow(account(rs), rs.getBoolean("second_factor"),
              rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_seen").toInstant())).findOne();
      if (row.isEmpty()) {
        return Optional.<Actor>empty();
      }
      Account a = elsewhere(h, row.get().account());
      Instant created = row.get().created();
      Instant seen = row.get().seen();
      if (a.disabled() || now.isAfter(created.plus(ABSOLUTE)) || now.isAfter(seen.plus(IDLE))) {
        h.createUpdate("delete from web_session where token_hash = :hash").bind("hash", hash).execute();
        return Optional.<Actor>empty();
      }
      if (now.isAfter(seen.plus(TOUCH))) {
        h.createUpdate("update web_session set last_seen = :now where token_hash = :hash").bind("now", now).bind("hash", hash).execute();
      }
      return Optional.of(a.actor(row.get().secondFactor()));
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

  // ------------------------------------------------------------------ sign-in with a password (V5)

  /** What signing in with a password needs of an account: its hash, and its second factor. */
  public record Credentials(String passwordHash, boolean passwordOnce, String totpSecret, String totpPending) {}

  /** The credentials of an account, if it exists. */
  public Optional<Credentials> credentials(String id) {
    return jdbi.withHandle(h -> h.createQuery("select password_hash, password_once, totp_secret, totp_pending from account where id = :id")
        .bind("id", id).map((rs, ctx) -> new Credentials(rs.getString("password_hash"), rs.getBoolean("password_once"),
            rs.getString("totp_secret"), rs.getString("totp_pending"))).findOne());
  }

  /**
   * Sets an account's password hash; {@code once} makes it a one-time password that must be replaced
   * at the next sign-in. Ends the account's sessions when {@code endSessions}. False when there is no such account.
   */
  public boolean setPassword(String id, String hash, boolean once, boolean endSessions) {
    return jdbi.inTransaction(h -> {
      int n = h.createUpdate("update account set password_hash = :hash, password_once = :once where id = :id")
          .bind("hash", hash).bind("once", once).bind("id", id).execute();
      if (endSessions) {
        h.createUpdate("delete from web_session where account_id = :id").bind("id", id).execute();
        h.createUpdate("delete from sign_in_pending where account_id = :id").bind("id", id).execute();
      }
      return n == 1;
    });
  }

  /** Keeps a TOTP secret being enrolled (not yet confirmed by a code). */
  public void setTotpPending(String id, String secret) {
    jdbi.useHandle(h -> h.createUpdate("update account set totp_pending = :s where id = :id").bind("s", secret).bind("id", id).execute());
  }

  /**
   * Confirms the pending TOTP secret with the time step of the code that proved it: from now on the
   * account signs in with it, and that step cannot be used again. False when nothing was pending.
   */
  public boolean confirmTotp(String id, String secret, long step) {
    return jdbi.withHandle(h -> h.createUpdate("update account set totp_secret = totp_pending, totp_pending = null, totp_last_step = :step"
            + " where id = :id and totp_pending = :s").bind("step", step).bind("id", id).bind("s", secret).execute()) == 1;
  }

  /** Removes the account's second factor (a reset); it enrols anew at its next sign-in. */
  public void clearTotp(String id) {
    jdbi.useHandle(h -> h.createUpdate("update account set totp_secret = null, totp_pending = null, totp_last_step = null where id = :id")
        .bind("id", id).execute());
  }

  /**
   * Uses a TOTP time step: true when it is later than every step used before (one statement, so two
   * servers cannot both accept the same code); false for a replayed or older code.
   */
  public boolean useTotpStep(String id, long step) {
    return jdbi.withHandle(h -> h.createUpdate("update account set totp_last_step = :step"
            + " where id = :id and totp_secret is not null and (totp_last_step is null or totp_last_step < :step)")
        .bind("step", step).bind("id", id).execute()) == 1;
  }

  /** Starts a sign-in half done (password right, a new password or code to come): the token for its cookie. */
  public String startPending(String accountId) {
    String token = newToken();
    jdbi.useHandle(h -> h.createUpdate("insert into sign_in_pending (token_hash, account_id, created_at) values (:hash, :id, :now)")
        .bind("hash", hash(token)).bind("id", accountId).bind("now", Instant.now()).execute());
    return token;
  }

  /** The account of a half-done sign-in younger than {@code life} (an older one is removed). */
  public Optional<String> pending(String token, Duration life) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(token);
    return jdbi.withHandle(h -> {
      var row = h.createQuery("select account_id, created_at from sign_in_pending where token_hash = :hash").bind("hash", hash)
          .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()}).findOne();
      if (row.isEmpty()) {
        return Optional.<String>empty();
      }
      if (Instant.now().isAfter(((Instant) row.get()[1]).plus(life))) {
        h.createUpdate("delete from sign_in_pending where token_hash = :hash").bind("hash", hash).execute();
        return Optional.<String>empty();
      }
      return Optional.of((String) row.get()[0]);
    });
  }

  /** Ends a half-done sign-in. */
  public void endPending(String token) {
    if (token != null && token.length() <= 100) {
      jdbi.useHandle(h -> h.createUpdate("delete from sign_in_pending where token_hash = :hash").bind("hash", hash(token)).execute());
    }
  }

  /** Failed sign-ins of a subject ("account:anna", "address:10.0.0.1"): how many, the last when. */
  public record Failures(int count, Instant last) {
    public static final Failures NONE = new Failures(0, Instant.EPOCH);
  }

  public Failures failures(String subject) {
    return jdbi.withHandle(h -> h.createQuery("select failures, last_failure from sign_in_failure where subject = :s").bind("s", subject)
        .map((rs, ctx) -> new Failures(rs.getInt(1), rs.getTimestamp(2).toInstant())).findOne()).orElse(Failures.NONE);
  }

  /**
   * Counts a failed sign-in of a subject at {@code now}; a count whose last failure is older than
   * {@code forget} starts again at one. Returns the new count.
   */
  public int recordFailure(String subject, Instant now, Duration forget) {
    // each statement on its own (autocommit): on PostgreSQL a failed insert would spoil a transaction
    return jdbi.withHandle(h -> {
      java.util.function.IntSupplier update = () -> h.createUpdate("update sign_in_failure set failures = case when last_failure < :old"
              + " then 1 else failures + 1 end, last_failure = :now where subject = :s")
          .bind("old", now.minus(forget)).bind("now", now).bind("s", subject).execute();
      if (update.getAsInt() == 0) {
        try {
          h.createUpdate("insert into sign_in_failure (subject, failures, last_failure) values (:s, 1, :now)")
              .bind("s", subject).bind("now", now).execute();
        } catch (RuntimeException e) {
          if (!VersionStore.uniqueViolation(e)) {
            throw e;
          }
          update.getAsInt(); // another server counted the first one at the same moment
        }
      }
      return h.createQuery("select failures from sign_in_failure where subject = :s").bind("s", subject).mapTo(Integer.class).one();
    });
  }

  /** Forgets a subject's failed sign-ins (after a good one). */
  public void clearFailures(String subject) {
    jdbi.useHandle(h -> h.createUpdate("delete from sign_in_failure where subject = :s").bind("s", subject).execute());
  }

  /** Whether any account exists (the first start creates the administrator when none does). */
  public boolean anyAccount() {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from account").mapTo(Long.class).one()) > 0;
  }

  /** Changes an account's name, roles, units and member (not its id, password or second factor). */
  public boolean update(Account account) {
    return jdbi.withHandle(h -> h.createUpdate("update account set name = :name, roles = :roles, units = :units, member = :member where id = :id")
        .bind("id", account.id()).bind("name", account.name()).bind("roles", codes(account.roles()))
        .bind("units", String.join(",", account.units())).bind("member", account.member()).execute()) == 1;
  }

  /** Whether the account has a confirmed second factor. */
  public boolean hasTotp(String id) {
    return credentials(id).map(c -> c.totpSecret() != null).orElse(false);
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** An account's organisation as read: its own, else (null) the first organisation (V12). */
  private static final String ORGANISATION =
      "coalesce(organisation, (select o.slug from organisation o order by o.position, o.slug fetch first 1 rows only))";

  /** The account with its roles in further organisations (account_role). */
  private static Account elsewhere(org.jdbi.v3.core.Handle h, Account a) {
    java.util.Map<String, Set<Role>> roles = new java.util.LinkedHashMap<>();
    h.createQuery("select organisation, roles from account_role where account_id = :id order by organisation").bind("id", a.id())
        .map((rs, ctx) -> java.util.Map.entry(rs.getString("organisation"), rs.getString("roles"))).list()
        .forEach(e -> roles.put(e.getKey(), roles(e.getValue())));
    return roles.isEmpty() ? a : new Account(a.id(), a.name(), a.roles(), a.units(), a.member(), a.disabled(), a.organisation(), roles);
  }

  private static Set<Role> roles(String codes) {
    Set<Role> roles = new LinkedHashSet<>();
    for (String code : split(codes)) {
      Role.of(code).ifPresent(roles::add);
    }
    return roles;
  }

  /**
   * Gives the account {@code id} the roles {@code roles} in the organisation {@code organisation} (a further
   * organisation than its own; empty roles take them away), logged in the same transaction. False when there
   * is no such account.
   */
  public boolean grant(String id, String organisation, Set<Role> roles, String by) {
    return jdbi.inTransaction(h -> {
      if (h.createQuery("select count(*) from account where id = :id").bind("id", id).mapTo(Integer.class).one() == 0) {
        return false;
      }
      h.createUpdate("delete from account_role where account_id = :id and organisation = :org").bind("id", id).bind("org", organisation).execute();
      if (!roles.isEmpty()) {
        h.createUpdate("insert into account_role (account_id, organisation, roles) values (:id, :org, :roles)")
            .bind("id", id).bind("org", organisation).bind("roles", codes(roles)).execute();
      }
      AuditLog.record(h, LogEntry.account(by, "account.grant", id, null, "organisation: \"" + organisation + "\"\nroles: \"" + codes(roles) + "\"\n"),
          Instant.now());
      return true;
    });
  }

  private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
    Set<Role> roles = new LinkedHashSet<>();
    for (String code : split(rs.getString("roles"))) {
      Role.of(code).ifPresent(roles::add);
    }
    return new Account(rs.getString("id"), rs.getString("name"), roles, new LinkedHashSet<>(split(rs.getString("units"))),
        rs.getString("member"), rs.getBoolean("disabled"), rs.getString("home"), null);
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
