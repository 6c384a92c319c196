package nl.begroot.workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 on HOTP, RFC 4226): HMAC-SHA1, 6 digits, 30-second steps
 * from the Unix epoch; a code is accepted for the current step and one step either side (clock
 * drift). Secrets are 20 random bytes, written in base32 (RFC 4648, no padding) as authenticator
 * apps take them.
 */
public final class Totp {
  public static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;
  /** Steps accepted either side of now. */
  public static final int WINDOW = 1;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** A new secret in base32 (160 bits, the size RFC 4226 recommends for HMAC-SHA1). */
  public static String newSecret() {
    byte[] b = new byte[20];
    RANDOM.nextBytes(b);
    return base32(b);
  }

  /** The time step of a moment: whole 30-second periods since the epoch (rounded down). */
  public static long step(long epochSeconds) {
    return Math.floorDiv(epochSeconds, STEP_SECONDS);
  }

  /** The code for a step, {@code digits} long (leading zeros kept). */
  public static String code(byte[] key, long step, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
      int offset = h[h.length - 1] & 0x0f;
      int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
      long mod = 1;
      for (int i = 0; i < digits; i++) {
        mod *= 10;
      }
      String s = Long.toString(binary % mod);
      return "0".repeat(digits - s.length()) + s;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is missing from this Java", e);
    }
  }

  /** The 6-digit code of a base32 secret at a moment. */
  public static String code(String secret, long epochSeconds) {
    return code(base32(secret), step(epochSeconds), DIGITS);
  }

  /**
   * The step whose code {@code code} is, for a base32 secret at a moment (now and one step either
   * side), or empty. Whether that step was used before is the caller's to check (replay).
   */
  public static OptionalLong verify(String secret, String code, long epochSeconds) {
    if (secret == null || code == null) {
      return OptionalLong.empty();
    }
    String c = code.replace(" ", "").strip();
    if (!c.matches("[0-9]{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] key = base32(secret);
    long now = step(epochSeconds);
    for (long s = now - WINDOW; s <= now + WINDOW; s++) {
      if (java.security.MessageDigest.isEqual(code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII), c.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }

  /** The otpauth:// URI an authenticator app reads (Key Uri Format): issuer Begroot, the account's id. */
  public static String uri(String account, String secret) {
    String label = enc("Begroot") + ":" + enc(account);
    return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc("Begroot") + "&algorithm=SHA1&digits=" + DIGITS
        + "&period=" + STEP_SECONDS;
  }

  /** The secret grouped by four for reading aloud or typing ("ABCD EFGH ..."). */
  public static String grouped(String secret) {
    return secret.replaceAll("(.{4})(?!$)", "$1 ");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String base32(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return sb.toString();
  }

  static byte[] base32(String text) {
    String t = text.replace(" ", "").replace("=", "").toUpperCase(java.util.Locale.ROOT);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char ch : t.toCharArray()) {
      int v = BASE32.indexOf(ch);
      if (v < 0) {
        throw new IllegalArgumentException("not base32: " + ch);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
