package nl.begroot.workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Passwords: the rule a new one must meet (at least {@link #MIN_LENGTH} characters, not one of the
 * 30,000 most common passwords), and their Argon2id hashes (Spring Security's encoder on Bouncy
 * Castle; parameters in docs/DECISIONS.md: 19 MiB memory, 2 passes, 1 lane, 16-byte salt, 32-byte hash,
 * OWASP's first recommended setting).
 */
public final class Passwords {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 200;
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;
  static final int PARALLELISM = 1;
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  private static final Argon2PasswordEncoder ENCODER = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> COMMON = load();
  /** A hash of nothing anyone can type, checked when the account does not exist (the same work either way). */
  private static final String DUMMY = ENCODER.encode("begroot-no-such-account-" + RANDOM.nextLong());

  private Passwords() {}

  /** How many common passwords are refused. */
  public static int commonCount() {
    return COMMON.size();
  }

  /** What is wrong with a new password, or an empty list. */
  public static List<FieldError> check(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return List.of(new FieldError("password", "Het wachtwoord moet minstens " + MIN_LENGTH + " tekens lang zijn.",
          "The password must be at least " + MIN_LENGTH + " characters long."));
    }
    if (password.length() > MAX_LENGTH) {
      return List.of(new FieldError("password", "Het wachtwoord mag hoogstens " + MAX_LENGTH + " tekens lang zijn.",
          "The password may be at most " + MAX_LENGTH + " characters long."));
    }
    if (COMMON.contains(password.strip().toLowerCase(Locale.ROOT))) {
      return List.of(new FieldError("password", "Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden; kies een ander.",
          "This password is on the list of common passwords; choose another one."));
    }
    return List.of();
  }

  /** The Argon2id hash of a password, in the encoder's self-describing form ($argon2id$v=19$m=...). */
  public static String hash(String password) {
    return ENCODER.encode(password);
  }

  /** Whether {@code password} matches {@code hash}; a null hash (no such account, no password) does the same work and says no. */
  public static boolean matches(String password, String hash) {
    if (password == null || password.length() > MAX_LENGTH) {
      return false;
    }
    if (hash == null) {
      ENCODER.matches(password, DUMMY);
      return false;
    }
    return ENCODER.matches(password, hash);
  }

  /** A one-time password for a new or reset account: 16 characters from a 56-letter alphabet without look-alikes (about 93 bits). */
  public static String oneTime() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        sb.append('-');
      }
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static Set<String> load() {
    Set<String> set = new HashSet<>();
    var in = Passwords.class.getResourceAsStream("common-passwords.txt");
    if (in == null) {
      throw new IllegalStateException("common-passwords.txt is missing from the build");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          set.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(set);
  }
}
