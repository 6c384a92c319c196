package nl.begroot.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenID Connect protocol against one provider: discovery (read at the first sign-in and kept;
 * tried again after a failure), the authorization request (code flow, PKCE with S256, state, nonce),
 * the code exchange at the token endpoint, and the ID token's validation: signature with a key from
 * the provider's JWKS (asymmetric algorithms only), issuer, audience (and azp), expiry and nonce.
 * Thread-safe.
 */
public final class OidcClient {
  /** How long a started sign-in may take before its callback is refused. */
  public static final Duration ATTEMPT = Duration.ofMinutes(10);
  private static final int CONNECT_MS = 5_000;
  private static final int READ_MS = 10_000;
  /** amr values (RFC 8176) that say the person used more than a password. */
  static final Set<String> MFA_AMR = Set.of("mfa", "otp", "hwk");

  private final OidcSettings settings;
  private final Issuer issuer;
  private final ClientID clientId;
  private volatile Provider provider;

  /** What discovery found, and the validator built on it (which keeps the provider's keys). */
  private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

  /** A started sign-in, kept by the caller until the callback: never shown to the browser except the state. */
  public record Pending(State state, Nonce nonce, CodeVerifier verifier, URI redirectUri, Instant started, String returnTo) {}

  /** Where to send the browser, and what to keep. */
  public record Start(URI authorizationUri, Pending pending) {}

  /**
   * Who signed in.
   *
   * @param claims all claims of the validated ID token
   * @param secondFactor the provider says the person used a second factor ({@code amr} or {@code acr})
   */
  public record Identity(String issuer, String subject, String name, String username, Map<String, Object> claims,
      boolean secondFactor) {}

  public OidcClient(OidcSettings settings) {
    this.settings = settings;
    this.issuer = new Issuer(settings.issuer());
    this.clientId = new ClientID(settings.clientId());
  }

  public OidcSettings settings() {
    return settings;
  }

  /** Starts a sign-in: a fresh state, nonce and PKCE verifier, and the provider's authorization URI. */
  public Start begin(URI redirectUri, String returnTo) throws OidcFailure {
    Provider p = provider();
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
        new Scope("openid", "profile", "email"), clientId, redirectUri)
        .endpointURI(p.metadata().getAuthorizationEndpointURI())
        .state(state)
        .nonce(nonce)
        .codeChallenge(verifier, CodeChallengeMethod.S256)
        .build();
    return new Start(request.toURI(), new Pending(state, nonce, verifier, redirectUri, Instant.now(), returnTo));
  }

  /**
   * Finishes a sign-in from the callback's parameters, for the pending sign-in whose state the
   * callback carries (the caller found it by that state and checked it belongs to this browser).
   */
  public Identity finish(Pending pending, Map<String, String> params) throws OidcFailure {
    if (pending.started().plus(ATTEMPT).isBefore(Instant.now())) {
      throw new OidcFailure(OidcFailure.Kind.EXPIRED_ATTEMPT, "sign-in started at " + pending.started());
    }
    if (!pending.state().getValue().equals(params.get("state"))) {
      throw new OidcFailure(OidcFailure.Kind.BAD_STATE, "state does not match");
    }
    String iss = params.get("iss");
    if (iss != null && !iss.equals(issuer.getValue())) { // RFC 9207: a response from another provider (mix-up)
      throw new OidcFailure(OidcFailure.Kind.BAD_STATE, "callback's iss " + shorten(iss) + " is not the issuer");
    }
    String error = params.get("error");
    if (error != null) {
      throw new OidcFailure("access_denied".equals(error) ? OidcFailure.Kind.DENIED : OidcFailure.Kind.PROVIDER_ERROR,
          "provider answered " + shorten(error) + (params.get("error_description") == null ? "" : ": " + shorten(params.get("error_description"))));
    }
    String code = params.get("code");
    if (code == null || code.isBlank()) {
      throw new OidcFailure(OidcFailure.Kind.BAD_STATE, "callback without a code");
    }
    Provider p = provider();
    JWT idToken = exchange(p, new AuthorizationCodeGrant(new AuthorizationCode(code), pending.redirectUri(), pending.verifier()));
    return identity(validate(p, idToken, pending.nonce()));
  }

  /** Validates an ID token as {@link #finish} does (for tests: tampered, foreign-signed, expired tokens). */
  public Identity validate(String idToken, Nonce nonce) throws OidcFailure {
    try {
      return identity(validate(provider(), JWTParser.parse(idToken), nonce));
    } catch (java.text.ParseException e) {
      throw new OidcFailure(OidcFailure.Kind.TOKEN_INVALID, "ID token is not a JWT");
    }
  }

  private JWT exchange(Provider p, AuthorizationCodeGrant grant) throws OidcFailure {
    URI endpoint = p.metadata().getTokenEndpointURI();
    TokenRequest request;
    if (settings.secret() == null) {
      request = new TokenRequest(endpoint, clientId, grant); // a public client: PKCE alone
    } else {
      List<ClientAuthenticationMethod> methods = p.metadata().getTokenEndpointAuthMethods();
      boolean postOnly = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
      Secret secret = new Secret(settings.secret());
      request = new TokenRequest(endpoint, postOnly ? new ClientSecretPost(clientId, secret) : new ClientSecretBasic(clientId, secret), grant);
    }
    HTTPRequest http = request.toHTTPRequest();
    http.setConnectTimeout(CONNECT_MS);
    http.setReadTimeout(READ_MS);
    HTTPResponse response;
    try {
      response = http.send();
    } catch (IOException e) {
      throw new OidcFailure(OidcFailure.Kind.PROVIDER_UNREACHABLE, "token endpoint " + endpoint + ": " + e.getClass().getSimpleName(), e);
    }
    TokenResponse parsed;
    try {
      parsed = OIDCTokenResponseParser.parse(response);
    } catch (ParseException e) {
      throw new OidcFailure(OidcFailure.Kind.PROVIDER_UNREACHABLE, "token endpoint answered HTTP " + response.getStatusCode() + " without a token response");
    }
    if (!parsed.indicatesSuccess()) {
      ErrorObject error = ((TokenErrorResponse) parsed).getErrorObject();
      throw new OidcFailure(OidcFailure.Kind.TOKEN_REFUSED, "token endpoint refused the code: "
          + (error == null ? "HTTP " + response.getStatusCode() : shorten(error.getCode()) + (error.getDescription() == null ? "" : " (" + shorten(error.getDescription()) + ")")));
    }
    JWT idToken = ((OIDCTokenResponse) parsed.toSuccessResponse()).getOIDCTokens().getIDToken();
    if (idToken == null) {
      throw new OidcFailure(OidcFailure.Kind.TOKEN_INVALID, "token response without an ID token");
    }
    return idToken;
  }

  private static IDTokenClaimsSet validate(Provider p, JWT idToken, Nonce nonce) throws OidcFailure {
    try {
      return p.validator().validate(idToken, nonce);
    } catch (BadJOSEException e) {
      throw new OidcFailure(OidcFailure.Kind.TOKEN_INVALID, "ID token refused: " + shorten(e.getMessage()));
    } catch (JOSEException e) {
      // the keys could not be had (the JWKS endpoint is down) or a key is unusable
      throw new OidcFailure(OidcFailure.Kind.PROVIDER_UNREACHABLE, "ID token's keys: " + shorten(e.getMessage()), e);
    }
  }

  private Identity identity(IDTokenClaimsSet claims) throws OidcFailure {
    Map<String, Object> all;
    try {
      all = claims.toJWTClaimsSet().getClaims();
    } catch (ParseException e) {
      throw new OidcFailure(OidcFailure.Kind.TOKEN_INVALID, "ID token's claims: " + shorten(e.getMessage()));
    }
    String subject = claims.getSubject().getValue();
    String username = text(all.get("preferred_username"));
    if (username == null) {
      username = text(all.get("email"));
    }
    String name = text(all.get("name"));
    if (name == null) {
      name = username != null ? username : subject;
    }
    boolean second = false;
    if (claims.getAMR() != null) {
      second = claims.getAMR().stream().anyMatch(a -> MFA_AMR.contains(a.getValue()));
    }
    if (claims.getACR() != null && settings.mfaAcr().contains(claims.getACR().getValue())) {
      second = true;
    }
    return new Identity(claims.getIssuer().getValue(), subject, name, username, all, second);
  }

  private static String text(Object o) {
    return o instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  /** Discovery, once it succeeds; tried again at the next sign-in after a failure. */
  private Provider provider() throws OidcFailure {
    Provider p = provider;
    if (p != null) {
      return p;
    }
    synchronized (this) {
      if (provider == null) {
        provider = discover();
      }
      return provider;
    }
  }

  private Provider discover() throws OidcFailure {
    OIDCProviderMetadata metadata;
    try {
      // resolve() checks that the document's issuer is the one configured
      metadata = OIDCProviderMetadata.resolve(issuer, CONNECT_MS, READ_MS);
    } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException | RuntimeException e) {
      throw new OidcFailure(OidcFailure.Kind.PROVIDER_UNREACHABLE, "discovery at " + issuer + "/.well-known/openid-configuration failed: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + shorten(e.getMessage())), e);
    }
    if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null || metadata.getJWKSetURI() == null) {
      throw new OidcFailure(OidcFailure.Kind.PROVIDER_UNREACHABLE, "discovery document lacks an authorization, token or jwks endpoint");
    }
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    if (metadata.getIDTokenJWSAlgs() != null) {
      for (JWSAlgorithm a : metadata.getIDTokenJWSAlgs()) {
        if (JWSAlgorithm.Family.RSA.contains(a) || JWSAlgorithm.Family.EC.contains(a)) {
          algorithms.add(a); // asymmetric only: never "none", never the client secret as a key
        }
      }
    }
    if (algorithms.isEmpty()) {
      algorithms.add(JWSAlgorithm.RS256);
    }
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(CONNECT_MS, READ_MS, 512 * 1024)).build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new OidcFailure(OidcFailure.Kind.PROVIDER_UNREACHABLE, "jwks_uri is not a URL: " + metadata.getJWKSetURI());
    }
    IDTokenValidator validator = new IDTokenValidator(issuer, clientId, new JWSVerificationKeySelector<>(algorithms, keys), null);
    return new Provider(metadata, validator);
  }

  static String shorten(String s) {
    if (s == null) {
      return "";
    }
    String clean = s.replaceAll("[\\p{Cntrl}]", " ");
    return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
  }
}
