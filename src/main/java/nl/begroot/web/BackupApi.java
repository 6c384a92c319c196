package nl.begroot.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import nl.begroot.store.Backup;
import nl.begroot.workspace.Workspace;

/**
 * {@code GET /api/backup}: a backup ({@link Backup}, docs/backup.md) of the database this server
 * holds, for {@code begroot backup} on the same machine while the server runs on the embedded
 * database, whose file only this process can open (decision 104). Only when the server offers it
 * ({@link #offer}), only to a client on this machine, and only with the token that the server
 * wrote into its data directory, readable by the account that runs it: whoever may read that
 * directory may read the database file anyway, so the endpoint gives no one more than they have.
 */
final class BackupApi {
  private volatile Workspace workspace;
  private volatile byte[] token;

  /** Offers backups of {@code workspace}'s database to a client that sends {@code Authorization: Bearer <token>}. */
  void offer(Workspace workspace, String token) {
    this.workspace = workspace;
    this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  void backup(Context ctx) throws IOException {
    byte[] expected = token;
    if (expected == null) {
      throw new Problems.Failure(404, "no-backup-here", "No backup over HTTP",
          "This server gives a backup over HTTP only on its embedded database, to 'begroot backup --data DIRECTORY' on the same machine. "
              + "On PostgreSQL, run 'begroot backup --db ...' beside the server (docs/backup.md).", List.of());
    }
    if (!onThisMachine(ctx.req().getRemoteAddr())) {
      throw new Problems.Failure(403, "backup-local-only", "Backup refused",
          "A backup is given only to 'begroot backup' on the machine that runs the server.", List.of());
    }
    String sent = ctx.header("Authorization");
    if (sent == null || !MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8))) {
      throw new Problems.Failure(403, "backup-token", "Backup refused",
          "The backup token does not match the running server's: run 'begroot backup --data DIRECTORY' as the account that runs "
              + "the server, with the server's data directory.", List.of());
    }
    ctx.status(200);
    ctx.contentType("application/zip");
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Disposition", "attachment; filename=\"begroot-backup.zip\"");
    OutputStream out = ctx.outputStream();
    workspace.backup(out); // one snapshot transaction, streamed as it is read
    out.flush();
  }

  /** A loopback address, or one of this machine's own (a server listening on one address is reached there). */
  static boolean onThisMachine(String remote) {
    try {
      InetAddress a = InetAddress.getByName(remote); // a literal address: no lookup
      return a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
    } catch (UnknownHostException | SocketException | RuntimeException e) {
      return false;
    }
  }
}
