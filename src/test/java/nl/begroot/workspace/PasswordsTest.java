package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The password rule (length, common passwords) and the Argon2id hashes. */
class PasswordsTest {
  @Test
  void shorterThanTwelveIsRefused() {
    assertThat(Passwords.check("elf-tekens!")).singleElement().satisfies(e -> assertThat(e.nl()).contains("minstens 12 tekens"));
    assertThat(Passwords.check("twaalf-teken")).isEmpty();
    assertThat(Passwords.check(null)).hasSize(1);
  }

  @Test
  void aCommonPasswordIsRefusedInAnyCase() {
    // each is 12 characters and among the list's 30,000
    for (String common : new String[] {"1qaz2wsx3edc", "Q1W2E3R4T5Y6", "123qweasdzxc"}) {
      assertThat(Passwords.check(common)).as(common).singleElement().satisfies(e -> assertThat(e.en()).contains("common passwords"));
    }
    assertThat(Passwords.commonCount()).as("the whole list is loaded, not a handful").isGreaterThan(29_000);
  }

  @Test
  void hashesAreArgon2idWithTheChosenParametersAndSaltedOnePerHash() {
    long start = System.nanoTime();
    String h = Passwords.hash("een lange zin als wachtwoord");
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("Argon2id hash (m=19456 KiB, t=2, p=1): " + millis + " ms");
    assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(Passwords.hash("een lange zin als wachtwoord")).as("a new salt each time").isNotEqualTo(h);
    assertThat(Passwords.matches("een lange zin als wachtwoord", h)).isTrue();
    assertThat(Passwords.matches("een lange zin als wachtwoorD", h)).isFalse();
    assertThat(Passwords.matches("wat dan ook", null)).isFalse();
  }

  @Test
  void oneTimePasswordsMeetTheRule() {
    for (int i = 0; i < 20; i++) {
      String once = Passwords.oneTime();
      assertThat(once).matches("[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}");
      assertThat(Passwords.check(once)).isEmpty();
    }
  }
}
