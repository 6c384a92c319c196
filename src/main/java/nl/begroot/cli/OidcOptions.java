package nl.begroot.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.begroot.oidc.OidcSettings;
import picocli.CommandLine.Option;

/**
 * {@code serve}'s settings for sign-in with the organisation's identity provider (OpenID Connect), each
 * also from an environment variable (the option wins). None given: no provider, local sign-in only.
 * The secret is never printed; prefer {@code BEGROOT_OIDC_SECRET} over {@code --oidc-secret}, which
 * other users of the machine can see in the process list.
 */
final class OidcOptions {
  @Option(names = "--oidc-issuer", paramLabel = "URL", description = "the identity provider's issuer URL (default: $BEGROOT_OIDC_ISSUER);"
      + " with it, people can sign in at /aanmelden/oidc")
  String issuer;

  @Option(names = "--oidc-client-id", paramLabel = "ID", description = "Begroot's client id at the provider (default: $BEGROOT_OIDC_CLIENT_ID)")
  String clientId;

  @Option(names = "--oidc-secret", paramLabel = "SECRET", description = "the client secret (default: $BEGROOT_OIDC_SECRET; prefer the variable)")
  String secret;

  @Option(names = "--oidc-roles-claim", paramLabel = "CLAIM", description = "the ID token claim with the roles, a dotted path for a nested one"
      + " (default: $BEGROOT_OIDC_ROLES_CLAIM, else " + OidcSettings.DEFAULT_ROLES_CLAIM + ")")
  String rolesClaim;

  @Option(names = "--oidc-role-map", paramLabel = "NAME=VALUE", description = "a provider's role or group name as a Begroot value,"
      + " e.g. fin-controllers=controller; repeatable (default: $BEGROOT_OIDC_ROLE_MAP, pairs separated by ';')")
  Map<String, String> roleMap;

  @Option(names = "--oidc-mfa-acr", paramLabel = "ACR", description = "an acr value that counts as a second factor, besides amr mfa/otp/hwk;"
      + " repeatable (default: $BEGROOT_OIDC_MFA_ACR, separated by spaces)")
  Set<String> mfaAcr;

  @Option(names = "--oidc-redirect-uri", paramLabel = "URL", description = "the callback registered at the provider, e.g."
      + " https://begroot.example.nl/aanmelden/oidc/terug (default: $BEGROOT_OIDC_REDIRECT_URI, else from the request's Host)")
  String redirectUri;

  /** Where the environment's variables come from (tests replace it). */
  Function<String, String> env = System::getenv;

  /**
   * The settings, empty when none are given; null after telling {@code err} what is wrong (an issuer
   * without a client id, a client id without an issuer, an address that is not a URL).
   */
  Optional<OidcSettings> settings(String command, PrintWriter err) {
    String iss = or(issuer, "BEGROOT_OIDC_ISSUER");
    String id = or(clientId, "BEGROOT_OIDC_CLIENT_ID");
    String sec = or(secret, "BEGROOT_OIDC_SECRET");
    if (iss == null && id == null) {
      if (sec != null) {
        err.println("begroot " + command + ": an OIDC secret is set but no --oidc-issuer and --oidc-client-id (or BEGROOT_OIDC_ISSUER and BEGROOT_OIDC_CLIENT_ID)");
        return null;
      }
      return Optional.empty();
    }
    if (iss == null || id == null) {
      err.println("begroot " + command + ": sign-in with an identity provider needs both --oidc-issuer and --oidc-client-id"
          + " (or BEGROOT_OIDC_ISSUER and BEGROOT_OIDC_CLIENT_ID); " + (iss == null ? "the issuer" : "the client id") + " is missing");
      return null;
    }
    URI issuerUri = url(command, "--oidc-issuer", iss, err);
    if (issuerUri == null) {
      return null;
    }
    String redirect = or(redirectUri, "BEGROOT_OIDC_REDIRECT_URI");
    URI redirectAt = null;
    if (redirect != null) {
      redirectAt = url(command, "--oidc-redirect-uri", redirect, err);
      if (redirectAt == null) {
        return null;
      }
    }
    Map<String, String> map = new LinkedHashMap<>();
    if (roleMap != null) {
      map.putAll(roleMap);
    } else if (env.apply("BEGROOT_OIDC_ROLE_MAP") != null) {
      for (String pair : env.apply("BEGROOT_OIDC_ROLE_MAP").split(";")) {
        if (pair.isBlank()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          err.println("begroot " + command + ": BEGROOT_OIDC_ROLE_MAP takes NAME=VALUE pairs separated by ';', not \"" + pair.strip() + "\"");
          return null;
        }
        map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    Set<String> acr = new LinkedHashSet<>();
    if (mfaAcr != null) {
      acr.addAll(mfaAcr);
    } else if (env.apply("BEGROOT_OIDC_MFA_ACR") != null) {
      for (String a : env.apply("BEGROOT_OIDC_MFA_ACR").split("\\s+")) {
        if (!a.isBlank()) {
          acr.add(a);
        }
      }
    }
    return Optional.of(new OidcSettings(issuerUri, id, sec, or(rolesClaim, "BEGROOT_OIDC_ROLES_CLAIM"), map, acr, redirectAt));
  }

  private String or(String option, String variable) {
    String v = option != null ? option : env.apply(variable);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** An http(s) URL; plain http only for this machine (a provider in a test or on the developer's laptop). */
  private static URI url(String command, String option, String text, PrintWriter err) {
    URI u;
    try {
      u = new URI(text);
    } catch (java.net.URISyntaxException e) {
      u = null;
    }
    if (u == null || u.getHost() == null || u.getScheme() == null) {
      err.println("begroot " + command + ": " + option + " must be an https:// URL, not \"" + text + "\"");
      return null;
    }
    boolean local = u.getHost().equals("localhost") || u.getHost().equals("127.0.0.1") || u.getHost().equals("[::1]");
    if (!u.getScheme().equals("https") && !(u.getScheme().equals("http") && local)) {
      err.println("begroot " + command + ": " + option + " must be an https:// URL (http only for localhost), not \"" + text + "\"");
      return null;
    }
    return u;
  }
}
