package nl.begroot.web;

import nl.begroot.core.access.Actor;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.text.Dutch;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.ProposalDraft;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON API: everything the pages show and do. Figures in cents with the core's stable ids;
 * errors as RFC 9457 problem details (see {@link Problems}); described in {@code /api/openapi.json}.
 * This class is what every resource shares (reading and answering JSON, the draft of a proposal,
 * the answer to an edit); the resources live in rooms: {@link VersionsApi}, {@link FiguresApi},
 * {@link ProposalsApi}, {@link KeysApi}.
 */
abstract class Api {
  /** The largest JSON request body (a proposal with a long explanation is a few KB). */
  static final int MAX_JSON_BYTES = 1024 * 1024;
  /** Arrays and objects in a JSON request nested at most this deep (a proposal needs 2). */
  static final int MAX_JSON_DEPTH = 32;
  static final ObjectMapper JSON = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
      .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
      .build()).build();
  final Workspace workspace;

  Api(Workspace workspace) {
    this.workspace = workspace;
  }

  // ------------------------------------------------------------------ plumbing

  static void json(Context ctx, JsonNode node) {
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(JSON.writeValueAsString(node));
  }

  static void jsonText(Context ctx, String json) {
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(json);
  }

  Snapshot snapshot(Context ctx) {
    return workspace.snapshot(ctx.pathParam("version")).orElseThrow(() -> new Problems.Failure(404, "not-found",
        "No such version", "There is no version '" + ctx.pathParam("version") + "'.", List.of()));
  }

  /** The request body as a JSON object, or a 400 problem that says what is wrong with it. */
  static ObjectNode body(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
    if (!type.startsWith("application/json")) {
      // also keeps other web sites' plain form posts (no preflight) away from the API
      throw new Problems.Failure(415, "unsupported-media-type", "Send JSON", "Send the body as application/json.", List.of());
    }
    String text;
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_JSON_BYTES) {
      throw new Problems.Failure(413, "too-large", "Request too large",
          "A JSON body is at most " + MAX_JSON_BYTES / 1024 / 1024 + " MB (the limit); this one has " + bytes.length + " bytes.", List.of());
    }
    text = utf8(bytes);
    if (text == null) {
      throw new Problems.Failure(400, "bad-body", "The body is not UTF-8 text", "Send JSON in UTF-8.", List.of());
    }
    if (text.isBlank()) {
      throw new Problems.Failure(400, "bad-body", "The body is empty", "Send a JSON object.", List.of());
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (tools.jackson.core.exc.StreamConstraintsException e) {
      throw new Problems.Failure(400, "bad-json", "The body is nested too deep", "Arrays and objects may be nested at most "
          + MAX_JSON_DEPTH + " deep (the limit); this body is nested more than " + MAX_JSON_DEPTH + " deep.", List.of());
    } catch (tools.jackson.core.JacksonException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new Problems.Failure(400, "bad-json", "The body is not valid JSON", "The JSON does not parse" + where + ".", List.of());
    }
    if (node == null || !node.isObject()) {
      throw new Problems.Failure(400, "bad-body", "The body is not a JSON object", "Send a JSON object ({...}).", List.of());
    }
    return (ObjectNode) node;
  }

  /** Strict UTF-8 decoding; null when the bytes are not UTF-8. */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static String text(ObjectNode body, String field, List<FieldError> errors) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isString()) {
      errors.add(new FieldError(field, field + " moet tekst zijn", field + " must be a string"));
      return null;
    }
    return n.asString();
  }

  static Integer integer(ObjectNode body, String field, List<FieldError> errors) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      errors.add(new FieldError(field, field + " moet een geheel getal zijn", field + " must be an integer"));
      return null;
    }
    return n.asInt();
  }

  /** Who asks through the API: the person the session signs in, or the anonymous visitor (a name in the body or a header signs nobody in). */
  static Actor actor(Context ctx, ObjectNode body) {
    return Pages.actor(ctx);
  }

  static void invalid(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      // the forms name an amount "amount.2027"; the API's field is "amounts", so its errors say "amounts.2027"
      errors = errors.stream().map(e -> e.field().startsWith("amount.") ? new FieldError("amounts." + e.field().substring(7), e.nl(), e.en()) : e).toList();
      throw new Problems.Failure(422, "invalid", "The request has invalid fields", "See errors: every problem, with its field.", errors);
    }
  }

  /** A draft from a JSON proposal: amounts in cents per year ("2027": 125000000), "pm" or null. */
  static ProposalDraft draft(ObjectNode body, List<FieldError> errors) {
    for (Iterator<String> it = body.propertyNames().iterator(); it.hasNext(); ) {
      String f = it.next();
      if (!List.of("id", "unit", "title", "side", "nature", "category", "products", "amounts", "explanation", "revision").contains(f)) {
        errors.add(new FieldError(f, "onbekend veld " + f, "unknown field " + f));
      }
    }
    List<String> products = null;
    JsonNode pn = body.get("products");
    if (pn != null && !pn.isNull()) {
      if (!pn.isArray()) {
        errors.add(new FieldError("products", "products moet een lijst zijn", "products must be an array of strings"));
      } else {
        products = new ArrayList<>();
        for (JsonNode x : pn) {
          if (!x.isString()) {
            errors.add(new FieldError("products", "products moet een lijst met tekst zijn", "products must be an array of strings"));
            break;
          }
          products.add(x.asString());
        }
      }
    }
    Map<Integer, String> amounts = null;
    JsonNode an = body.get("amounts");
    if (an != null && !an.isNull()) {
      if (!an.isObject()) {
        errors.add(new FieldError("amounts", "amounts moet een object zijn: {\"2027\": centen}", "amounts must be an object: {\"2027\": cents}"));
      } else {
        amounts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : an.properties()) {
          int year;
          try {
            year = Integer.parseInt(e.getKey());
          } catch (NumberFormatException x) {
            errors.add(new FieldError("amounts." + e.getKey(), "'" + e.getKey() + "' is geen jaar", "'" + e.getKey() + "' is not a year"));
            continue;
          }
          JsonNode v = e.getValue();
          if (v.isNull()) {
            amounts.put(year, "");
          } else if (v.isString() && v.asString().equalsIgnoreCase("pm")) {
            amounts.put(year, "pm");
          } else if (v.isIntegralNumber() && v.canConvertToLong() && Math.abs(v.asLong()) <= 100_000_000_000_000L) {
            amounts.put(year, Dutch.euros(v.asLong()));
          } else {
            errors.add(new FieldError("amounts." + year, "bedrag in hele centen (hoogstens 100.000.000.000.000), \"pm\" of null",
                "amount in whole cents (at most 100000000000000 in size), \"pm\" or null"));
          }
        }
      }
    }
    return new ProposalDraft(text(body, "id", errors), text(body, "unit", errors), text(body, "title", errors),
        text(body, "side", errors), text(body, "nature", errors), text(body, "category", errors), products, amounts,
        text(body, "explanation", errors));
  }

  static void edited(Context ctx, EditResult result, int createdStatus, Runnable onSaved) {
    if (result instanceof EditResult.Saved s) {
      ctx.status(createdStatus);
      onSaved.run();
    } else if (result instanceof EditResult.Invalid inv) {
      invalid(inv.errors());
    } else if (result instanceof EditResult.NotFound nf) {
      throw new Problems.Failure(404, "not-found", "Not found", "There is no " + nf.what() + ".", List.of());
    } else if (result instanceof EditResult.Conflict c) {
      ObjectNode extra = JSON.createObjectNode();
      extra.put("id", c.id());
      extra.put("current_revision", c.currentRevision());
      extra.put("changed_by", c.by());
      extra.put("theirs", c.theirs());
      extra.put("yours", c.yours());
      throw new Problems.Failure(409, "conflict", "Someone else changed this first",
          c.by() + " saved '" + c.id() + "' first (now at revision " + c.currentRevision() + "); nothing was saved. Both values are in this answer.",
          List.of(), extra);
    }
  }

  static int revision(Context ctx, ObjectNode body, List<FieldError> errors) {
    Integer rev = integer(body, "revision", errors);
    String ifMatch = ctx.header("If-Match");
    if (rev == null && ifMatch != null) {
      try {
        rev = Integer.parseInt(ifMatch.replace("\"", "").replace("W/", "").trim());
      } catch (NumberFormatException e) {
        errors.add(new FieldError("If-Match", "If-Match moet een revisienummer zijn", "If-Match must be a revision number"));
      }
    }
    if (rev == null) {
      errors.add(new FieldError("revision", "revision is verplicht (de revisie die u las)", "revision is required (the revision you read)"));
      return -1;
    }
    return rev;
  }
}
