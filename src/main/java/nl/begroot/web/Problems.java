package nl.begroot.web;

import io.javalin.http.Context;
import java.util.List;
import nl.begroot.workspace.FieldError;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** RFC 9457 problem details for the API: type, title, status, detail, instance, and our extensions. */
final class Problems {
  static final String TYPE_BASE = "https://begroot.nl/problems/";

  private Problems() {}

  /** A request the API refuses; thrown by handlers and written as a problem by the server. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String type;
    final String title;
    final transient List<FieldError> errors;
    final transient ObjectNode extra;

    Failure(int status, String type, String title, String detail, List<FieldError> errors) {
      this(status, type, title, detail, errors, null);
    }

    Failure(int status, String type, String title, String detail, List<FieldError> errors, ObjectNode extra) {
      super(detail, null, false, false);
      this.status = status;
      this.type = type;
      this.title = title;
      this.errors = errors;
      this.extra = extra;
    }
  }

  static void write(Context ctx, Failure f) {
    write(ctx, f.status, f.type, f.title, f.getMessage(), f.errors, f.extra);
  }

  static void write(Context ctx, int status, String type, String title, String detail, List<FieldError> errors, ObjectNode extra) {
    ObjectNode n = Api.JSON.createObjectNode();
    n.put("type", TYPE_BASE + type);
    n.put("title", title);
    n.put("status", status);
    n.put("detail", detail);
    n.put("instance", shorten(ctx.path()));
    if (errors != null && !errors.isEmpty()) {
      ArrayNode list = n.putArray("errors");
      for (FieldError e : errors) {
        list.addObject().put("field", e.field()).put("detail", e.en()).put("detail_nl", e.nl());
      }
    }
    if (extra != null) {
      n.setAll(extra);
    }
    ctx.status(status);
    ctx.contentType("application/problem+json; charset=utf-8");
    ctx.result(Api.JSON.writeValueAsString(n));
  }

  static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
