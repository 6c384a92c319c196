package nl.begroot.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system {@code durable:}: the disk, except that every file H2 opens for writing is
 * opened with {@code O_DSYNC} (Java's {@code StandardOpenOption.DSYNC}, H2's mode {@code "rwd"}), so
 * a write returns only once the disk has it. With {@code WRITE_DELAY=0} H2 writes each commit's
 * chunk before the commit returns (see {@link DatabaseUrl#h2File}); together a commit returns only
 * once it is on disk, as PostgreSQL's commit does with its write-ahead log. Decision 94 in
 * docs/DECISIONS.md has the evidence and the cost.
 */
public final class DurableFiles extends FilePathWrapper {
  /** The scheme in the JDBC URL: {@code jdbc:h2:durable:/path/begroot}. */
  public static final String SCHEME = "durable";

  private static boolean registered;

  /** Makes the scheme known to H2 in this JVM; idempotent, called before H2 opens a file. */
  public static synchronized void register() {
    if (!registered) {
      FilePath.register(new DurableFiles());
      registered = true;
    }
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return getBase().open("rw".equals(mode) ? "rwd" : mode);
  }
}
