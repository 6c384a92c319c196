package nl.begroot.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the API's OpenAPI 3.1 description (kept by hand next to this class, checked by a test). */
final class OpenApi {
  static final String RESOURCE = "/nl/begroot/web/openapi.json";
  private static final String TEXT = load();

  private OpenApi() {}

  static String text() {
    return TEXT;
  }

  private static String load() {
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("openapi.json missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void serve(Context ctx) {
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(TEXT);
  }
}
