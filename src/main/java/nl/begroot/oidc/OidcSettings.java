package nl.begroot.oidc;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How Begroot signs people in with the organisation's identity provider.
 *
 * @param issuer the provider's issuer URL; its {@code /.well-known/openid-configuration} is read at the first sign-in
 * @param clientId Begroot's client id at the provider
 * @param secret the client secret (null for a public client, which relies on PKCE alone); never printed
 * @param rolesClaim the ID token claim that carries the roles ("begroot_roles"; a dotted path such as
 *     "realm_access.roles" reaches into an object)
 * @param roleMap the provider's names for roles, mapped to Begroot's values ("fin-controllers" → "controller");
 *     keys compared without case
 * @param mfaAcr values of the {@code acr} claim that count as a second factor (besides {@code amr} "mfa", "otp", "hwk")
 * @param redirectUri the callback address registered at the provider; null to derive it from the request
 *     (scheme and Host: set it when Begroot runs behind a reverse proxy)
 */
public record OidcSettings(URI issuer, String clientId, String secret, String rolesClaim, Map<String, String> roleMap,
    Set<String> mfaAcr, URI redirectUri) {
  public static final String DEFAULT_ROLES_CLAIM = "begroot_roles";

  public OidcSettings {
    if (issuer == null || clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("OpenID Connect needs an issuer and a client id");
    }
    rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? DEFAULT_ROLES_CLAIM : rolesClaim.strip();
    secret = secret == null || secret.isEmpty() ? null : secret;
    java.util.Map<String, String> lower = new java.util.LinkedHashMap<>();
    (roleMap == null ? Map.<String, String>of() : roleMap).forEach((k, v) -> lower.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
    roleMap = Map.copyOf(lower);
    mfaAcr = mfaAcr == null ? Set.of() : Set.copyOf(mfaAcr);
  }

  /** Issuer and client id only, the defaults for the rest. */
  public static OidcSettings of(URI issuer, String clientId, String secret) {
    return new OidcSettings(issuer, clientId, secret, null, Map.of(), Set.of(), null);
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", secret=" + (secret == null ? "none" : "***")
        + ", rolesClaim=" + rolesClaim + ", roleMap=" + roleMap + ", mfaAcr=" + mfaAcr + ", redirectUri=" + redirectUri + "]";
  }
}
