/**
 * Sign-in with the organisation's own identity provider over OpenID Connect: the settings
 * ({@link nl.begroot.oidc.OidcSettings}), the protocol against the provider (discovery, the authorization
 * code flow with PKCE, state and nonce, the ID token's validation: {@link nl.begroot.oidc.OidcClient}) and
 * the mapping of the provider's role claim to Begroot's roles, units and member
 * ({@link nl.begroot.oidc.RoleClaims}). The web's routes and sessions are in nl.begroot.web (OidcSignIn).
 */
package nl.begroot.oidc;
