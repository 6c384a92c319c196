package nl.begroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.begroot.oidc.OidcSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OidcOptionsTest {
  private final Map<String, String> env = new HashMap<>();
  private final StringWriter err = new StringWriter();

  private Optional<OidcSettings> parse(String... args) {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs(args);
    serve.oidc.env = env::get;
    return serve.oidc.settings("serve", new PrintWriter(err, true));
  }

  @Test
  void nothingGivenIsNoProvider() {
    assertThat(parse()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void fromTheOptions() {
    OidcSettings s = parse("--oidc-issuer", "https://login.example.nl/realms/ipo", "--oidc-client-id", "begroot", "--oidc-secret", "geheim123",
        "--oidc-roles-claim", "realm_access.roles", "--oidc-role-map", "fin=controller", "--oidc-mfa-acr", "gold").orElseThrow();
    assertThat(s.issuer().toString()).isEqualTo("https://login.example.nl/realms/ipo");
    assertThat(s.clientId()).isEqualTo("begroot");
    assertThat(s.secret()).isEqualTo("geheim123");
    assertThat(s.rolesClaim()).isEqualTo("realm_access.roles");
    assertThat(s.roleMap()).containsEntry("fin", "controller");
    assertThat(s.mfaAcr()).containsExactly("gold");
    assertThat(s.toString()).doesNotContain("geheim123");
  }

  @Test
  void fromTheEnvironmentAndTheOptionWins() {
    env.put("BEGROOT_OIDC_ISSUER", "https://login.example.nl");
    env.put("BEGROOT_OIDC_CLIENT_ID", "from-env");
    env.put("BEGROOT_OIDC_SECRET", "env-secret");
    env.put("BEGROOT_OIDC_ROLE_MAP", "a=controller; b=lid:GE");
    OidcSettings s = parse("--oidc-client-id", "from-option").orElseThrow();
    assertThat(s.issuer().getHost()).isEqualTo("login.example.nl");
    assertThat(s.clientId()).isEqualTo("from-option");
    assertThat(s.secret()).isEqualTo("env-secret");
    assertThat(s.rolesClaim()).isEqualTo("begroot_roles");
    assertThat(s.roleMap()).containsEntry("a", "controller").containsEntry("b", "lid:GE");
  }

  @Test
  void halfASettingIsRefusedWithAMessageThatNeverShowsTheSecret() {
    assertThat(parse("--oidc-issuer", "https://login.example.nl")).isNull();
    assertThat(err.toString()).contains("--oidc-client-id").contains("client id is missing");
    err.getBuffer().setLength(0);
    assertThat(parse("--oidc-secret", "geheim123")).isNull();
    assertThat(err.toString()).contains("no --oidc-issuer").doesNotContain("geheim123");
    err.getBuffer().setLength(0);
    assertThat(parse("--oidc-issuer", "http://login.example.nl", "--oidc-client-id", "x")).isNull();
    assertThat(err.toString()).contains("must be an https:// URL");
    err.getBuffer().setLength(0);
    assertThat(parse("--oidc-issuer", "http://localhost:9000/default", "--oidc-client-id", "x")).isPresent();
  }
}
