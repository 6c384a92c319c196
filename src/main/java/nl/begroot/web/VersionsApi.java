package nl.begroot.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.figures.Table;
import nl.begroot.format.BudgetFiles;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The API over versions: list, read, copy, delete, import, export, and the comparison of two versions. */
final class VersionsApi extends Api {
  VersionsApi(Workspace workspace) {
    super(workspace);
  }

  void health(Context ctx) {
    ctx.contentType("application/json");
    ctx.result("{\"status\":\"ok\"}");
  }

  void versions(Context ctx) {
    ArrayNode list = JSON.createArrayNode();
    String organisation = ctx.queryParam("organisation");
    for (StoredVersion v : workspace.versions(actor(ctx, null))) {
      if (organisation == null || organisation.isBlank() || organisation.equals(v.organisation())) {
        list.add(version(v));
      }
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
    n.put("organisation", v.organisation());
    n.put("revision", v.revision());
    n.put("created_at", String.valueOf(v.createdAt()));
    n.put("created_by", v.createdBy());
    n.put("updated_at", String.valueOf(v.updatedAt()));
    n.put("updated_by", v.updatedBy());
    CycleApi.cycle(n, v);
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
    s.printed().messages().forEach(notes::add);
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
      json(ctx, version(workspace.version(slug).orElseThrow()));
    });
  }

  void delete(Context ctx) {
    EditResult r = workspace.delete(ctx.pathParam("version"), actor(ctx, null));
    edited(ctx, r, 204, () -> { });
  }

  void importFile(Context ctx) {
    String name = ctx.queryParam("name");
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > BudgetFiles.MAX_BYTES) {
      throw new Problems.Failure(413, "too-large", "Request too large", "A budget file is at most "
          + nl.begroot.core.model.BudgetSize.limit() + " (the limit); this one has " + bytes.length + " bytes. Nothing was imported.", List.of());
    }
    String text = utf8(bytes);
    if (text == null) {
      throw new Problems.Failure(400, "bad-body", "The body is not UTF-8 text", "Send the budget file (YAML) as UTF-8.", List.of());
    }
    Workspace.ImportResult r = workspace.importFile(ctx.queryParam("organisation"), name, ctx.queryParam("file"), text, actor(ctx, null));
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
    ObjectNode created = version(workspace.version(r.slug()).orElseThrow());
    ArrayNode warnings = created.putArray("warnings");
    for (nl.begroot.format.Problem p : r.warnings()) {
      warnings.addObject().put("file", p.file()).put("line", p.line()).put("column", p.column()).put("message", p.message());
    }
    json(ctx, created);
  }

  void export(Context ctx) {
    String text = workspace.export(ctx.pathParam("version")).orElseThrow(() -> new Problems.Failure(404, "not-found",
        "No such version", "There is no version '" + ctx.pathParam("version") + "'.", List.of()));
    ctx.contentType("application/yaml; charset=utf-8");
    ctx.result(text);
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
