package nl.begroot.oidc;

/**
 * Why a sign-in with the identity provider did not succeed. The kind decides what the person reads
 * and the HTTP status; the detail is for the sign-in log only (it never holds a token or the secret).
 */
public final class OidcFailure extends Exception {
  /** What went wrong, from the person's side. */
  public enum Kind {
    /** The provider could not be reached or answered nonsense (discovery, token endpoint, keys). */
    PROVIDER_UNREACHABLE(502),
    /** The callback's state is missing, unknown, used before, or not this browser's. */
    BAD_STATE(400),
    /** The sign-in started too long ago. */
    EXPIRED_ATTEMPT(400),
    /** The person cancelled or the provider refused them ({@code error=access_denied}). */
    DENIED(403),
    /** The provider answered the callback with another error. */
    PROVIDER_ERROR(502),
    /** The provider refused to exchange the code (token endpoint error). */
    TOKEN_REFUSED(401),
    /** The ID token is not valid: signature, issuer, audience, expiry or nonce. */
    TOKEN_INVALID(401),
    /** The account is disabled in Begroot. */
    ACCOUNT_DISABLED(403);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;

  public OidcFailure(Kind kind, String detail) {
    super(detail);
    this.kind = kind;
  }

  public OidcFailure(Kind kind, String detail, Throwable cause) {
    super(detail, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
