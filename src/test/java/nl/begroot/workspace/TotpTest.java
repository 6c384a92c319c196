package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** TOTP against the test vectors of RFC 6238 (appendix B, HMAC-SHA1) and base32 against RFC 4648 (section 10). */
class TotpTest {
  /** RFC 6238's SHA1 seed: the ASCII string "12345678901234567890". */
  static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924", "2000000000, 69279037",
      "20000000000, 65353130"})
  void rfc6238AppendixBVectors(long time, String expected) {
    assertThat(Totp.code(SEED, Totp.step(time), 8)).isEqualTo(expected);
    // the 6-digit code is the same truncated value modulo 10^6: the vector's last six digits
    assertThat(Totp.code(SEED, Totp.step(time), 6)).isEqualTo(expected.substring(2));
  }

  @ParameterizedTest
  @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
  void base32AsRfc4648(String text, String expected) {
    assertThat(Totp.base32(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    assertThat(new String(Totp.base32(expected), StandardCharsets.US_ASCII)).isEqualTo(text);
  }

  @Test
  void aCodeIsGoodOneStepEitherSideAndNoFurther() {
    String secret = Totp.base32(SEED);
    long t = 1111111111L;
    long step = Totp.step(t);
    assertThat(Totp.verify(secret, "050471", t)).hasValue(step);
    String next = Totp.code(SEED, step + 1, 6);
    String previous = Totp.code(SEED, step - 1, 6);
    String twoAhead = Totp.code(SEED, step + 2, 6);
    assertThat(Totp.verify(secret, next, t)).hasValue(step + 1);
    assertThat(Totp.verify(secret, previous, t)).hasValue(step - 1);
    assertThat(Totp.verify(secret, twoAhead, t)).isEmpty();
    assertThat(Totp.verify(secret, "12345", t)).isEmpty();
    assertThat(Totp.verify(secret, "abcdef", t)).isEmpty();
    assertThat(Totp.verify(secret, null, t)).isEmpty();
  }

  @Test
  void theUriNamesIssuerAccountAndParameters() {
    assertThat(Totp.uri("anna", "JBSWY3DPEHPK3PXP"))
        .isEqualTo("otpauth://totp/Begroot:anna?secret=JBSWY3DPEHPK3PXP&issuer=Begroot&algorithm=SHA1&digits=6&period=30");
    assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}");
  }
}
