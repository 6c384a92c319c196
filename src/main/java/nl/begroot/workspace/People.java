package nl.begroot.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.store.AccountStore;
import nl.begroot.store.AccountStore.Account;
import nl.begroot.store.AccountStore.Credentials;

/**
 * The use cases of people and their sessions: signing in with a local account (password, then a new
 * password when it was a one-time one, then the second factor when the account has one or its roles
 * need one), who a session signs in, signing out, and managing accounts (the command line and the
 * administrator's page).
 *
 * <p>Failed attempts slow down per account and per address, counted in the database so every server
 * on it shares them: after {@link #FREE_ACCOUNT} (account) or {@link #FREE_ADDRESS} (address) failures
 * each next attempt waits {@link #BASE_WAIT} doubled per further failure, at most {@link #MAX_WAIT};
 * failures are forgotten {@link #FORGET} after the last one, and an account's on a good sign-in.
 */
public final class People {
  /** Roles that cannot finish signing in without the second factor (administrators, and who adopts a budget). */
  public static final Set<Role> SECOND_FACTOR_REQUIRED = EnumSet.of(Role.BEHEERDER, Role.BESTUUR);
  public static final int FREE_ACCOUNT = 5;
  public static final int FREE_ADDRESS = 20;
  public static final Duration BASE_WAIT = Duration.ofSeconds(5);
  public static final Duration MAX_WAIT = Duration.ofMinutes(15);
  public static final Duration FORGET = Duration.ofHours(1);
  /** How long a half-done sign-in (password right, code to come) lives. */
  public static final Duration PENDING = Duration.ofMinutes(10);
  /** The administrator the first start creates. */
  public static final String FIRST_ADMIN = "beheerder";

  private final AccountStore accounts;
  private volatile SignInEvents events = SignInEvents.SERVER_LOG;

  People(AccountStore accounts) {
    this.accounts = accounts;
  }

  /** Where sign-in attempts are reported (the workspace sets the hash-chained log's, {@link SignInEvents#into}). */
  public void events(SignInEvents events) {
    this.events = events;
  }

  /** Where every sign-in is reported, also one that is not a local account's (the identity provider's). */
  public SignInEvents events() {
    return events;
  }

  /** The person a session token signs in, while the session lives. */
  public Optional<Actor> session(String token) {
    return accounts.session(token);
  }

  /** Ends a session (sign-out) on the server. */
  public void signOut(String token, String address) {
    accounts.session(token).ifPresent(a -> events.attempt(a.id(), address, "sign-out", "ok"));
    accounts.endSession(token);
  }

  /** Ends a session. */
  public void signOut(String token) {
    accounts.endSession(token);
  }

  /** The CSRF token of a session (what its forms send as {@code _csrf}); "" without a session. */
  public static String csrf(String token) {
    return token == null || token.isBlank() ? "" : AccountStore.csrfToken(token);
  }

  /** The store of accounts (for the sign-in code and the command line). */
  public AccountStore accounts() {
    return accounts;
  }

  // ------------------------------------------------------------------ signing in

  /** Where a sign-in stands after a step. */
  public enum Step {
    /** Signed in: {@code token} is the session's. */
    DONE,
    /** The password was a one-time one: choose a new one ({@code token} is the half-done sign-in's). */
    NEW_PASSWORD,
    /** The account's TOTP code is next. */
    CODE,
    /** The account must enrol a second factor first (its roles need one). */
    ENROL,
    /** Refused: wrong account, password or code (the message does not say which). */
    WRONG,
    /** Refused without looking: too many failures, try again after {@code retryAfter}. */
    THROTTLED,
    /** The half-done sign-in is gone (expired, or never was): start again. */
    EXPIRED
  }

  /** The outcome of a sign-in step. */
  public record SignIn(Step step, String token, Duration retryAfter, List<FieldError> errors) {
    static SignIn of(Step step, String token) {
      return new SignIn(step, token, Duration.ZERO, List.of());
    }
  }

  /** Step one: account and password, from an address. */
  public SignIn signIn(String login, String password, String address) {
    String id = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    Instant now = Instant.now();
    Duration wait = wait(id, address, now);
    if (!wait.isZero()) {
      events.attempt(id, address, "password", "throttled");
      return new SignIn(Step.THROTTLED, null, wait, List.of());
    }
    Optional<Account> account = id.isEmpty() || id.length() > 100 ? Optional.empty() : accounts.account(id);
    Credentials c = account.flatMap(a -> accounts.credentials(a.id())).orElse(null);
    boolean ok = Passwords.matches(password, c == null ? null : c.passwordHash());
    if (!ok || account.get().disabled()) {
      fail(id, address, now);
      events.attempt(id, address, "password", ok ? "disabled" : "wrong");
      return SignIn.of(Step.WRONG, null);
    }
    accounts.clearFailures(accountSubject(id));
    events.attempt(id, address, "password", "ok");
    return next(account.get(), c, null);
  }

  /** Where a half-done sign-in stands (for showing its page again), EXPIRED when it is gone. */
  public SignIn pending(String token) {
    Optional<Account> a = pendingAccount(token);
    if (a.isEmpty()) {
      return SignIn.of(Step.EXPIRED, null);
    }
    Credentials c = accounts.credentials(a.get().id()).orElseThrow();
    if (c.passwordOnce()) {
      return SignIn.of(Step.NEW_PASSWORD, token);
    }
    return SignIn.of(c.totpSecret() != null ? Step.CODE : Step.ENROL, token);
  }

  /** The account of a half-done sign-in. */
  public Optional<Account> pendingAccount(String token) {
    return accounts.pending(token, PENDING).flatMap(accounts::account).filter(a -> !a.disabled());
  }

  /** After a one-time password: the new password (twice). */
  public SignIn newPassword(String token, String password, String repeat, String address) {
    Optional<Account> a = pendingAccount(token);
    if (a.isEmpty()) {
      return SignIn.of(Step.EXPIRED, null);
    }
    List<FieldError> errors = new ArrayList<>(Passwords.check(password));
    if (errors.isEmpty() && !password.equals(repeat)) {
      errors.add(new FieldError("repeat", "De twee wachtwoorden verschillen.", "The two passwords differ."));
    }
    if (errors.isEmpty() && Passwords.matches(password, accounts.credentials(a.get().id()).orElseThrow().passwordHash())) {
      errors.add(new FieldError("password", "Kies een ander wachtwoord dan het eenmalige.", "Choose a password other than the one-time one."));
    }
    if (!errors.isEmpty()) {
      events.attempt(a.get().id(), address, "new-password", "refused");
      return new SignIn(Step.NEW_PASSWORD, token, Duration.ZERO, errors);
    }
    accounts.setPassword(a.get().id(), Passwords.hash(password), false, false);
    events.attempt(a.get().id(), address, "new-password", "ok");
    Credentials c = accounts.credentials(a.get().id()).orElseThrow();
    return next(a.get(), c, token);
  }

  /** The secret being enrolled by a half-done sign-in (made on first asking, kept until confirmed). */
  public Optional<String> enrolment(String token) {
    Optional<Account> a = pendingAccount(token);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    Credentials c = accounts.credentials(a.get().id()).orElseThrow();
    if (c.totpSecret() != null) {
      return Optional.empty();
    }
    if (c.totpPending() != null) {
      return Optional.of(c.totpPending());
    }
    String secret = Totp.newSecret();
    accounts.setTotpPending(a.get().id(), secret);
    return Optional.of(secret);
  }

  /** The second factor: a TOTP code, for the account's secret or the one being enrolled. */
  public SignIn code(String token, String code, String address) {
    Optional<Account> a = pendingAccount(token);
    if (a.isEmpty()) {
      return SignIn.of(Step.EXPIRED, null);
    }
    String id = a.get().id();
    Instant now = Instant.now();
    Duration wait = wait(id, address, now);
    if (!wait.isZero()) {
      events.attempt(id, address, "code", "throttled");
      return new SignIn(Step.THROTTLED, token, wait, List.of());
    }
    Credentials c = accounts.credentials(id).orElseThrow();
    if (c.passwordOnce()) {
      return SignIn.of(Step.NEW_PASSWORD, token);
    }
    boolean enrolling = c.totpSecret() == null;
    String secret = enrolling ? c.totpPending() : c.totpSecret();
    OptionalLong step = Totp.verify(secret, code, now.getEpochSecond());
    boolean ok = step.isPresent() && (enrolling ? accounts.confirmTotp(id, secret, step.getAsLong()) : accounts.useTotpStep(id, step.getAsLong()));
    if (!ok) {
      fail(id, address, now);
      events.attempt(id, address, enrolling ? "enrol" : "code", step.isPresent() ? "replay" : "wrong");
      return new SignIn(enrolling ? Step.ENROL : Step.CODE, token, Duration.ZERO,
          List.of(new FieldError("code", "Deze code klopt niet of is al gebruikt; wacht op de volgende code.",
              "This code is wrong or was used already; wait for the next code.")));
    }
    accounts.clearFailures(accountSubject(id));
    events.attempt(id, address, enrolling ? "enrol" : "code", "ok");
    accounts.endPending(token);
    return start(id, true);
  }

  private SignIn next(Account a, Credentials c, String pendingToken) {
    Step step = c.passwordOnce() ? Step.NEW_PASSWORD
        : c.totpSecret() != null ? Step.CODE
        : a.roles().stream().anyMatch(SECOND_FACTOR_REQUIRED::contains) ? Step.ENROL : Step.DONE;
    if (step == Step.DONE) {
      if (pendingToken != null) {
        accounts.endPending(pendingToken);
      }
      return start(a.id(), false);
    }
    return SignIn.of(step, pendingToken != null ? pendingToken : accounts.startPending(a.id()));
  }

  private SignIn start(String id, boolean secondFactor) {
    return accounts.startSession(id, secondFactor).map(t -> SignIn.of(Step.DONE, t)).orElse(SignIn.of(Step.EXPIRED, null));
  }

  private void fail(String id, String address, Instant now) {
    accounts.recordFailure(accountSubject(id), now, FORGET);
    accounts.recordFailure(addressSubject(address), now, FORGET);
  }

  /** How long the account and the address must still wait before the next attempt (zero: go ahead). */
  Duration wait(String id, String address, Instant now) {
    Duration a = wait(accounts.failures(accountSubject(id)), FREE_ACCOUNT, now);
    Duration b = wait(accounts.failures(addressSubject(address)), FREE_ADDRESS, now);
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** After n >= free failures, the next attempt waits BASE_WAIT * 2^(n - free), at most MAX_WAIT, from the last failure. */
  static Duration wait(AccountStore.Failures f, int free, Instant now) {
    if (f.count() < free || now.isAfter(f.last().plus(FORGET))) {
      return Duration.ZERO;
    }
    int doublings = Math.min(f.count() - free, 20);
    Duration d = BASE_WAIT.multipliedBy(1L << doublings);
    if (d.compareTo(MAX_WAIT) > 0) {
      d = MAX_WAIT;
    }
    Duration left = Duration.between(now, f.last().plus(d));
    return left.isNegative() || left.isZero() ? Duration.ZERO : left;
  }

  static String accountSubject(String id) {
    return "account:" + (id.length() > 100 ? id.substring(0, 100) : id);
  }

  static String addressSubject(String address) {
    String a = address == null ? "-" : address;
    return "address:" + (a.length() > 100 ? a.substring(0, 100) : a);
  }

  // ------------------------------------------------------------------ managing accounts

  /**
   * Gives the account {@code id} the roles {@code roles} in the further organisation {@code organisation} (its
   * own organisation's roles stay on the account); empty roles take them away. False when there is no such account.
   */
  public boolean grant(String id, String organisation, java.util.Set<nl.begroot.core.access.Role> roles, String by) {
    return accounts.grant(id, organisation, roles, by);
  }

  /** An account id: lower-case letters, digits, '.', '_', '-', 1 to 100 characters. */
  public static boolean validId(String id) {
    return id != null && id.matches("[a-z0-9][a-z0-9._-]{0,99}");
  }

  /** A new account with a one-time password (returned; it must be replaced at the first sign-in); empty when the id is taken. */
  public Optional<String> add(Account account, String by) {
    if (!validId(account.id())) {
      throw new IllegalArgumentException("an account id is lower-case letters, digits, '.', '_' or '-' (at most 100), not '" + account.id() + "'");
    }
    if (account.name() == null || account.name().isBlank()) {
      account = new Account(account.id(), account.id(), account.roles(), account.units(), account.member(), account.disabled(),
          account.organisation(), account.elsewhere());
    }
    if (!accounts.create(account, by)) {
      return Optional.empty();
    }
    String once = Passwords.oneTime();
    accounts.setPassword(account.id(), Passwords.hash(once), true, true);
    return Optional.of(once);
  }

  /**
   * A new one-time password for an account (returned): its sessions end, and with {@code clearTotp}
   * its second factor too (it enrols anew). Empty when there is no such account.
   */
  public Optional<String> reset(String id, boolean clearTotp) {
    if (accounts.account(id).isEmpty()) {
      return Optional.empty();
    }
    String once = Passwords.oneTime();
    accounts.setPassword(id, Passwords.hash(once), true, true);
    if (clearTotp) {
      accounts.clearTotp(id);
    }
    accounts.clearFailures(accountSubject(id));
    return Optional.of(once);
  }

  /** Disables (ending its sessions at once) or enables an account; false when there is no such account. */
  public boolean disable(String id, boolean disabled) {
    return accounts.setDisabled(id, disabled);
  }

  /**
   * The first start on a database without accounts: creates the administrator {@link #FIRST_ADMIN}
   * with a one-time password, returned to be printed once. Empty when any account exists (or another
   * server made it at the same moment).
   */
  public Optional<String> firstStart() {
    if (accounts.anyAccount()) {
      return Optional.empty();
    }
    return add(new Account(FIRST_ADMIN, "Beheerder", Set.of(Role.BEHEERDER), Set.of(), null, false), "begroot");
  }
}
