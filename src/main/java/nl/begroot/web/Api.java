package nl.begroot.web;

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
import java.util.Optional;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.pipeline.MemberYears;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.text.Dutch;
import nl.begroot.render.JsonRenderer;
import nl.begroot.store.Change;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.ProposalDraft;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON API: everything the pages show and do. Figures in cents with the core's stable ids;
 * errors as RFC 9457 problem details (see {@link Problems}); described in {@code /api/openapi.json}.
 */
final class Api {
  static final int MAX_IMPORT_BYTES = 16 * 1024 * 1024;
  static final ObjectMapper JSON = JsonMapper.builder().build();
  private final Workspace workspace;

  Api(Workspace workspace) {
    this.workspace = workspace;
  }

  // ------------------------------------------------------------------ plumbing

  private static void json(Context ctx, JsonNode node) {
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(JSON.writeValueAsString(node));
  }

  private static void jsonText(Context ctx, String json) {
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(json);
  }

  private Snapshot snapshot(Context ctx) {
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

  private static String text(ObjectNode body, String field, List<FieldError> errors) {
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

  private static Integer integer(ObjectNode body, String field, List<FieldError> errors) {
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

  private static String actor(Context ctx, ObjectNode body) {
    String header = ctx.header("X-Begroot-User");
    if (header != null) {
      return header;
    }
    JsonNode a = body == null ? null : body.get("author");
    return a != null && a.isString() ? a.asString() : null;
  }

  private static void invalid(List<FieldError> errors) {
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
      if (!List.of("id", "unit", "title", "side", "nature", "category", "products", "amounts", "explanation", "revision", "author").contains(f)) {
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

  private static void edited(Context ctx, EditResult result, int createdStatus, Runnable onSaved) {
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

  // ------------------------------------------------------------------ versions

  void health(Context ctx) {
    ctx.contentType("application/json");
    ctx.result("{\"status\":\"ok\"}");
  }

  void versions(Context ctx) {
    ArrayNode list = JSON.createArrayNode();
    for (StoredVersion v : workspace.versions()) {
      list.add(version(v));
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("versions", list);
    json(ctx, root);
  }

  private static ObjectNode version(StoredVersion v) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", v.slug());
    n.put("name", v.name());
    n.put("kind", v.kind());
    n.put("revision", v.revision());
    n.put("created_at", String.valueOf(v.createdAt()));
    n.put("created_by", v.createdBy());
    n.put("updated_at", String.valueOf(v.updatedAt()));
    n.put("updated_by", v.updatedBy());
    return n;
  }

  void version(Context ctx) {
    Snapshot s = snapshot(ctx);
    ObjectNode n = version(s.version());
    Computation c = s.document().computation();
    ArrayNode years = n.putArray("years");
    c.years().forEach(years::add);
    ObjectNode balancing = n.putObject("balancing_cents");
    for (int y = 0; y < c.yearCount(); y++) {
      balancing.put(String.valueOf(c.years().get(y)), c.balancing(y));
    }
    ArrayNode tables = n.putArray("tables");
    for (Table t : s.document().tables()) {
      tables.addObject().put("id", t.id()).put("title", t.title());
    }
    ArrayNode notes = n.putArray("rounding_notes");
    s.printed().notes().forEach(notes::add);
    s.printed().unproven().forEach(notes::add);
    json(ctx, n);
  }

  void copy(Context ctx) {
    ObjectNode body = body(ctx);
    List<FieldError> errors = new ArrayList<>();
    String from = text(body, "from", errors);
    String name = text(body, "name", errors);
    if (from == null) {
      errors.add(new FieldError("from", "from is verplicht", "from is required"));
    }
    invalid(errors);
    EditResult r = workspace.copy(from, name, actor(ctx, body));
    edited(ctx, r, 201, () -> {
      String slug = ((EditResult.Saved) r).id();
      ctx.header("Location", "/api/versions/" + View.enc(slug));
      json(ctx, version(workspace.store().version(slug).orElseThrow()));
    });
  }

  void delete(Context ctx) {
    EditResult r = workspace.delete(ctx.pathParam("version"));
    edited(ctx, r, 204, () -> { });
  }

  void importFile(Context ctx) {
    String name = ctx.queryParam("name");
    byte[] bytes = ctx.bodyAsBytes();
    String text = utf8(bytes);
    if (text == null) {
      throw new Problems.Failure(400, "bad-body", "The body is not UTF-8 text", "Send the budget file (YAML) as UTF-8.", List.of());
    }
    Workspace.ImportResult r = workspace.importFile(name, ctx.queryParam("file"), text, actor(ctx, null));
    if (r.error() != null) {
      invalid(List.of(r.error()));
    }
    if (!r.problems().isEmpty()) {
      ObjectNode extra = JSON.createObjectNode();
      ArrayNode problems = extra.putArray("problems");
      for (nl.begroot.format.Problem p : r.problems()) {
        problems.addObject().put("file", p.file()).put("line", p.line()).put("column", p.column()).put("message", p.message());
      }
      throw new Problems.Failure(422, "invalid-file", "The budget file has problems",
          r.problems().size() + " problem(s) found; nothing was imported.", List.of(), extra);
    }
    ctx.status(201);
    ctx.header("Location", "/api/versions/" + View.enc(r.slug()));
    json(ctx, version(workspace.store().version(r.slug()).orElseThrow()));
  }

  void export(Context ctx) {
    String text = workspace.export(ctx.pathParam("version")).orElseThrow(() -> new Problems.Failure(404, "not-found",
        "No such version", "There is no version '" + ctx.pathParam("version") + "'.", List.of()));
    ctx.contentType("application/yaml; charset=utf-8");
    ctx.result(text);
  }

  // ------------------------------------------------------------------ tables and figures

  void tables(Context ctx) {
    Snapshot s = snapshot(ctx);
    jsonText(ctx, JsonRenderer.compute(s.document(), s.printed(), s.document().tables()));
  }

  private final ResponseCache tables = new ResponseCache(200);

  /**
   * One table, compact (format begroot-table/1): the version and the table exactly as in the
   * compute output's {@code tables}, without the rest of the document.
   */
  void table(Context ctx) {
    Snapshot s = snapshot(ctx);
    Table t = s.document().table(ctx.pathParam("table")).orElseThrow(() -> new Problems.Failure(404, "not-found", "No such table",
        "There is no table '" + ctx.pathParam("table") + "' in this version.", List.of()));
    byte[] body = tables.computeIfAbsent(ResponseCache.key(s.slug(), s.version().stamp(), "", t.id()), () -> {
      JsonNode full = JSON.readTree(JsonRenderer.compute(s.document(), s.printed(), List.of(t)));
      ObjectNode n = JSON.createObjectNode();
      n.put("format", "begroot-table/1");
      n.set("version", full.get("version"));
      n.set("table", full.get("tables").get(0));
      return JSON.writeValueAsString(n);
    });
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(body);
  }

  void explain(Context ctx) {
    Snapshot s = snapshot(ctx);
    String id = Optional.ofNullable(ctx.queryParam("id")).orElse("");
    var explainer = s.explainer();
    Optional<Figure> f = id.isEmpty() || id.length() > 500 ? Optional.empty() : explainer.resolve(id);
    if (f.isEmpty()) {
      ObjectNode extra = JSON.createObjectNode();
      ArrayNode sug = extra.putArray("suggestions");
      if (id.length() <= 500) {
        explainer.suggestions(id, 5).forEach(sug::add);
      }
      throw new Problems.Failure(404, "not-found", "No such figure", "There is no figure '" + Problems.shorten(id) + "'.", List.of(), extra);
    }
    jsonText(ctx, JsonRenderer.explanation(explainer.explain(f.get())));
  }

  void audit(Context ctx) {
    Snapshot s = snapshot(ctx);
    jsonText(ctx, JsonRenderer.audit(s.audit()));
  }

  void member(Context ctx) {
    Snapshot s = snapshot(ctx);
    Member m = s.budget().members().stream().filter(x -> x.id().equalsIgnoreCase(ctx.pathParam("member")) || x.name().equalsIgnoreCase(ctx.pathParam("member")))
        .findFirst().orElseThrow(() -> new Problems.Failure(404, "not-found", "No such member", "There is no member '" + ctx.pathParam("member") + "'.", List.of()));
    ObjectNode n = JSON.createObjectNode();
    n.put("id", m.id());
    n.put("name", m.name());
    s.budget().key(s.budget().annex().keyId()).map(k -> k.sharesPercent().get(m.id())).ifPresent(p -> n.put("key_share_percent", p.toPlainString()));
    ObjectNode years = n.putObject("years");
    MemberYears view = s.computed().memberYears(m);
    for (int y = 0; y < view.years().size(); y++) {
      ObjectNode yn = years.putObject(String.valueOf(view.years().get(y)));
      for (MemberYears.Column c : view.columns()) {
        String fid = c.figureIds().get(y);
        if (fid != null) {
          yn.putObject(c.id()).put("figure", fid).put("cents", s.document().graph().get(fid).cents())
              .put("printed", s.printed().value(true, fid).orElse(0));
        }
      }
    }
    json(ctx, n);
  }

  void search(Context ctx) {
    Snapshot s = snapshot(ctx);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
    ArrayNode hits = JSON.createArrayNode();
    for (Pages.Hit h : Search.find(s, new View(I18n.EN, s, List.of(), "", "", false), q)) {
      hits.addObject().put("kind", h.kind()).put("title", h.title()).put("href", h.href()).put("text", h.text());
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("query", q);
    root.set("hits", hits);
    json(ctx, root);
  }

  void changes(Context ctx) {
    Snapshot s = snapshot(ctx);
    ArrayNode list = JSON.createArrayNode();
    for (Change c : workspace.store().changes(s.version().id(), 500)) {
      list.addObject().put("at", String.valueOf(c.at())).put("actor", c.actor()).put("action", c.action()).put("target", c.target())
          .put("before", c.before()).put("after", c.after());
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("changes", list);
    json(ctx, root);
  }

  // ------------------------------------------------------------------ proposals

  private static ObjectNode proposal(Snapshot s, Proposal p, StoredProposal row) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", p.id());
    n.put("unit", p.unit());
    n.put("title", p.title());
    n.put("side", p.side().name().toLowerCase(java.util.Locale.ROOT));
    n.put("nature", p.nature() == null ? null : p.nature().name().toLowerCase(java.util.Locale.ROOT));
    n.put("category", p.category());
    ArrayNode products = n.putArray("products");
    p.products().forEach(products::add);
    n.put("rule", p.rule().name().toLowerCase(java.util.Locale.ROOT));
    n.put("explanation", p.explanation());
    ObjectNode amounts = n.putObject("amounts");
    List<Integer> years = s.budget().version().years();
    int index = s.budget().proposals().indexOf(p);
    for (int y = 0; y < years.size(); y++) {
      String key = String.valueOf(years.get(y));
      var line = index >= 0 ? s.document().computation().line(index) : p.amounts();
      switch (line.kind(y)) {
        case BLANK -> amounts.putNull(key);
        case PM -> amounts.put(key, "pm");
        case AMOUNT -> amounts.put(key, line.cents(y));
      }
    }
    if (row != null) {
      n.put("withdrawn", row.withdrawn());
      n.put("revision", row.revision());
      n.put("updated_at", String.valueOf(row.updatedAt()));
      n.put("updated_by", row.updatedBy());
    }
    return n;
  }

  void proposals(Context ctx) {
    Snapshot s = snapshot(ctx);
    ArrayNode list = JSON.createArrayNode();
    for (StoredProposal row : s.rows()) {
      s.anyProposal(row.proposalId()).ifPresent(p -> list.add(proposal(s, p, row)));
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("proposals", list);
    json(ctx, root);
  }

  void proposal(Context ctx) {
    Snapshot s = snapshot(ctx);
    String id = ctx.pathParam("proposal");
    Proposal p = s.anyProposal(id).orElseThrow(() -> new Problems.Failure(404, "not-found", "No such proposal", "There is no proposal '" + Problems.shorten(id) + "'.", List.of()));
    json(ctx, proposal(s, p, s.row(id).orElse(null)));
  }

  void createProposal(Context ctx) {
    Snapshot s = snapshot(ctx);
    ObjectNode body = body(ctx);
    List<FieldError> errors = new ArrayList<>();
    ProposalDraft draft = draft(body, errors);
    invalid(errors);
    EditResult r = workspace.createProposal(s.slug(), draft, actor(ctx, body));
    edited(ctx, r, 201, () -> {
      Snapshot after = workspace.snapshot(s.slug()).orElseThrow();
      String id = ((EditResult.Saved) r).id();
      ctx.header("Location", "/api/versions/" + View.enc(s.slug()) + "/proposals/" + View.enc(id));
      json(ctx, proposal(after, after.budget().proposal(id).orElseThrow(), after.row(id).orElse(null)));
    });
  }

  private static int revision(Context ctx, ObjectNode body, List<FieldError> errors) {
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

  private static void requireProposal(Snapshot s, String id) {
    if (s.row(id).isEmpty()) {
      throw new Problems.Failure(404, "not-found", "No such proposal", "There is no proposal '" + Problems.shorten(id) + "'.", List.of());
    }
  }

  void changeProposal(Context ctx) {
    Snapshot s = snapshot(ctx);
    requireProposal(s, ctx.pathParam("proposal"));
    ObjectNode body = body(ctx);
    List<FieldError> errors = new ArrayList<>();
    ProposalDraft draft = draft(body, errors);
    int rev = revision(ctx, body, errors);
    invalid(errors);
    String id = ctx.pathParam("proposal");
    EditResult r = workspace.changeProposal(s.slug(), id, rev, draft, actor(ctx, body));
    edited(ctx, r, 200, () -> {
      Snapshot after = workspace.snapshot(s.slug()).orElseThrow();
      json(ctx, proposal(after, after.budget().proposal(id).orElseThrow(), after.row(id).orElse(null)));
    });
  }

  void withdraw(Context ctx, boolean withdrawn) {
    Snapshot s = snapshot(ctx);
    requireProposal(s, ctx.pathParam("proposal"));
    ObjectNode body = body(ctx);
    List<FieldError> errors = new ArrayList<>();
    int rev = revision(ctx, body, errors);
    invalid(errors);
    String id = ctx.pathParam("proposal");
    EditResult r = workspace.setWithdrawn(s.slug(), id, rev, withdrawn, actor(ctx, body));
    edited(ctx, r, 200, () -> {
      Snapshot after = workspace.snapshot(s.slug()).orElseThrow();
      json(ctx, proposal(after, after.anyProposal(id).orElseThrow(), after.row(id).orElse(null)));
    });
  }

  void preview(Context ctx) {
    Snapshot s = snapshot(ctx);
    ObjectNode body = body(ctx);
    List<FieldError> errors = new ArrayList<>();
    String existing = ctx.queryParam("proposal");
    ProposalDraft draft = draft(body, errors);
    invalid(errors);
    Workspace.Preview p = workspace.preview(s.slug(), existing, draft);
    if (p instanceof Workspace.Preview.Invalid inv) {
      invalid(inv.errors());
    } else if (p instanceof Workspace.Preview.NotFound nf) {
      throw new Problems.Failure(404, "not-found", "Not found", "There is no " + nf.what() + ".", List.of());
    } else if (p instanceof Workspace.Preview.Impact impact) {
      json(ctx, comparison(impact.comparison()));
    }
  }

  // ------------------------------------------------------------------ keys and comparison

  void key(Context ctx) {
    Snapshot s = snapshot(ctx);
    DistributionKey k = s.budget().key(ctx.pathParam("key")).orElseThrow(() -> new Problems.Failure(404, "not-found", "No such key",
        "There is no key '" + ctx.pathParam("key") + "'.", List.of()));
    ObjectNode n = JSON.createObjectNode();
    n.put("id", k.id());
    n.put("title", k.title());
    n.put("revision", s.version().revision());
    ObjectNode shares = n.putObject("shares_percent");
    k.sharesPercent().forEach((m, v) -> shares.put(m, v.toPlainString()));
    json(ctx, n);
  }

  void changeKey(Context ctx) {
    Snapshot s = snapshot(ctx);
    ObjectNode body = body(ctx);
    List<FieldError> errors = new ArrayList<>();
    int rev = revision(ctx, body, errors);
    Map<String, String> shares = new LinkedHashMap<>();
    JsonNode sn = body.get("shares_percent");
    if (sn == null || !sn.isObject()) {
      errors.add(new FieldError("shares_percent", "shares_percent moet een object zijn: {\"GE\": \"10.66\"}", "shares_percent must be an object: {\"GE\": \"10.66\"}"));
    } else {
      for (Map.Entry<String, JsonNode> e : sn.properties()) {
        if (e.getValue().isString() || e.getValue().isNumber()) {
          shares.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().decimalValue().toPlainString());
        } else {
          errors.add(new FieldError("share." + e.getKey(), "percentage als tekst of getal", "a percentage as a string or number"));
        }
      }
    }
    invalid(errors);
    String keyId = ctx.pathParam("key");
    EditResult r = workspace.changeKey(s.slug(), keyId, shares, rev, actor(ctx, body));
    edited(ctx, r, 200, () -> {
      Snapshot after = workspace.snapshot(s.slug()).orElseThrow();
      DistributionKey k = after.budget().key(keyId).orElseThrow();
      ObjectNode n = JSON.createObjectNode();
      n.put("id", k.id());
      n.put("revision", after.version().revision());
      ObjectNode out = n.putObject("shares_percent");
      k.sharesPercent().forEach((m, v) -> out.put(m, v.toPlainString()));
      json(ctx, n);
    });
  }

  void compare(Context ctx) {
    String a = ctx.queryParam("a");
    String b = ctx.queryParam("b");
    if (a == null || b == null) {
      throw new Problems.Failure(400, "bad-query", "Two versions are needed", "Give both ?a=VERSION&b=VERSION.", List.of());
    }
    Comparison c = workspace.compare(a, b).orElseThrow(() -> new Problems.Failure(404, "not-found", "No such version",
        "Version '" + Problems.shorten(a) + "' or '" + Problems.shorten(b) + "' does not exist.", List.of()));
    ObjectNode n = comparison(c);
    n.put("a", a);
    n.put("b", b);
    json(ctx, n);
  }

  static ObjectNode comparison(Comparison c) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode years = n.putArray("years");
    c.years().forEach(years::add);
    n.set("balancing", line(c.balancing(), c.years()));
    ArrayNode t1 = n.putArray("tabel_1");
    c.tabel1().forEach(l -> t1.add(line(l, c.years())));
    ArrayNode members = n.putArray("members");
    c.members().forEach(l -> members.add(line(l, c.years())));
    ArrayNode proposals = n.putArray("proposals");
    for (Comparison.ProposalChange p : c.changedProposals()) {
      ObjectNode pn = line(p.amounts(), c.years());
      pn.put("status", p.status().name().toLowerCase(java.util.Locale.ROOT));
      pn.put("side", p.side().name().toLowerCase(java.util.Locale.ROOT));
      pn.put("rule", p.rule().name().toLowerCase(java.util.Locale.ROOT));
      proposals.add(pn);
    }
    return n;
  }

  private static ObjectNode line(Comparison.Line l, List<Integer> years) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", l.id());
    n.put("label", l.label());
    ObjectNode a = n.putObject("a_cents");
    ObjectNode b = n.putObject("b_cents");
    ObjectNode d = n.putObject("delta_cents");
    for (int i = 0; i < years.size(); i++) {
      a.put(String.valueOf(years.get(i)), l.a()[i]);
      b.put(String.valueOf(years.get(i)), l.b()[i]);
      d.put(String.valueOf(years.get(i)), l.delta(i));
    }
    return n;
  }
}
