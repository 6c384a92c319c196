package nl.begroot.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads budget files from disk or from the built-in dataset. */
public final class BudgetFiles {
  /** The built-in dataset: the IPO's Conceptbegroting 2027. */
  public static final String BUILT_IN = "conceptbegroting-ipo-2027.yaml";
  private static final String BUILT_IN_RESOURCE = "/nl/begroot/data/" + BUILT_IN;
  /** The second built-in example: the fictitious GR Voorbeeldregio (a joint body of six made-up municipalities). */
  public static final String EXAMPLE = "conceptbegroting-gr-voorbeeldregio-2027.yaml";
  /** The organisation id the second example's file gives. */
  public static final String EXAMPLE_ORGANISATION = "gr-voorbeeldregio";
  /**
   * Files larger than this are refused before reading: the one limit on a budget's text ({@link
   * nl.begroot.core.model.BudgetSize#MAX_CHARS}, 32 MB; a file of that many bytes has no more
   * characters than the reader reads). A budget of ten thousand proposals takes about 1.2 MB, a
   * million proposal-year cells about 29 MB. See docs/format.md.
   */
  public static final long MAX_BYTES = nl.begroot.core.model.BudgetSize.MAX_CHARS;

  private BudgetFiles() {}

  public static LoadResult load(Path path) {
    String name = path.toString();
    try {
      if (Files.isDirectory(path)) {
        return rejected(name, "is a directory, not a budget file");
      }
      if (!Files.exists(path)) {
        return rejected(name, "no such file");
      }
      if (!Files.isRegularFile(path)) {
        return rejected(name, "is not a regular file (a device or pipe?), not a budget file");
      }
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        return rejected(name, "the file has " + size / (1024 * 1024) + " MB; Begroot reads budget files of up to "
            + nl.begroot.core.model.BudgetSize.limit() + " (see docs/format.md)");
      }
      byte[] bytes = Files.readAllBytes(path);
      int bad = firstInvalidUtf8(bytes);
      if (bad >= 0) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
          if (bytes[i] == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        return new LoadResult.Rejected(List.of(new Problem(name, line, bad - lineStart + 1,
            "the file is not UTF-8 text: byte " + (bad + 1) + " is not valid UTF-8 (save the file as UTF-8)")));
      }
      return BudgetReader.read(name, decode(bytes));
    } catch (CharacterCodingException e) {
      return rejected(name, "the file is not UTF-8 text");
    } catch (IOException e) {
      return rejected(name, "cannot read the file: " + e.getMessage());
    }
  }

  public static LoadResult loadBuiltIn() {
    return BudgetReader.read(BUILT_IN, builtInText());
  }

  public static LoadResult loadExample() {
    return BudgetReader.read(EXAMPLE, resourceText("/nl/begroot/data/" + EXAMPLE));
  }

  public static String builtInText() {
    return resourceText(BUILT_IN_RESOURCE);
  }

  private static String resourceText(String resource) {
    try (InputStream in = BudgetFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in dataset missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Offset of the first byte that is not valid UTF-8, or -1. */
  static int firstInvalidUtf8(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
    while (true) {
      var result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (result.isUnderflow()) {
        return -1;
      }
      out.clear();
    }
  }

  static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes))
        .toString();
  }

  private static LoadResult rejected(String file, String message) {
    return new LoadResult.Rejected(List.of(new Problem(file, 0, 0, message)));
  }
}
