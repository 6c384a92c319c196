package nl.begroot.store;

/**
 * Where a request came from, for the log: the client's address and its user agent, both shortened
 * (an address to 64 characters, a user agent to 120). The web sets the origin of the request it is
 * serving ({@link #serving}) and clears it when done, so that a log entry written anywhere below
 * (the workspace, the store) carries it without every use case passing it on; the system's own
 * writes (seed, restore, the command line) have none.
 */
public record Origin(String address, String client) {
  static final int MAX_ADDRESS = 64;
  static final int MAX_CLIENT = 120;
  private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();

  public Origin {
    address = shorten(address, MAX_ADDRESS);
    client = shorten(client, MAX_CLIENT);
  }

  /** The origin of the request this thread is serving, or null (the system itself). */
  public static Origin current() {
    return CURRENT.get();
  }

  /** Marks this thread as serving a request from {@code origin} (null: none), until {@link #done}. */
  public static void serving(Origin origin) {
    if (origin == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(origin);
    }
  }

  /** The request this thread served is done. */
  public static void done() {
    CURRENT.remove();
  }

  /** {@code text} without control characters, cut to {@code max} characters (the last one "…" when cut); null stays null. */
  static String shorten(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length() && b.length() < max; i++) {
      char c = text.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (b.length() < text.length() && b.length() == max) {
      b.setCharAt(max - 1, '…');
    }
    return b.toString();
  }
}
