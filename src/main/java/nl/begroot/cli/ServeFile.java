package nl.begroot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file {@value #NAME} that {@code begroot serve} on the embedded database keeps in its data
 * directory while it runs: where it answers and the token with which {@code begroot backup} may ask
 * it for a backup (decision 104, docs/backup.md). Readable by the account that runs the server only;
 * removed when the server stops (a killed server leaves it: a backup then finds no one at the
 * address and opens the database itself).
 */
final class ServeFile {
  static final String NAME = "begroot-serve.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Where the server answers ({@code http://host:port}), the token it accepts, and its process. */
  record Info(String address, String token, long pid) {}

  private ServeFile() {}

  /** A new token: 32 random bytes, in hex. */
  static String newToken() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Writes {@code info} into {@code directory}, readable and writable by this account only, in one step. */
  static void write(Path directory, Info info) throws IOException {
    Path tmp = directory.resolve(NAME + ".tmp" + info.pid());
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp); // not a POSIX file system: the directory's own protection holds
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot create " + tmp + ": it exists", e);
    }
    var node = JSON.createObjectNode().put("address", info.address()).put("token", info.token()).put("pid", info.pid());
    Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, directory.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The file's contents, or empty when there is none or it does not read. */
  static Optional<Info> read(Path directory) {
    Path f = directory.resolve(NAME);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
      if (n == null || !n.path("address").isString() || !n.path("token").isString()) {
        return Optional.empty();
      }
      return Optional.of(new Info(n.path("address").asString(), n.path("token").asString(), n.path("pid").asLong()));
    } catch (IOException | JacksonException e) {
      return Optional.empty();
    }
  }

  /** Removes the file if it is still this server's (a server started later on the same directory may have replaced it). */
  static void remove(Path directory, Info info) {
    if (read(directory).filter(i -> i.token().equals(info.token())).isPresent()) {
      try {
        Files.deleteIfExists(directory.resolve(NAME));
      } catch (IOException e) {
        // left behind: harmless, a backup finds no one at its address
      }
    }
  }
}
