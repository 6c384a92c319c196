package nl.begroot.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.model.Proposal;
import nl.begroot.store.StoredProposal;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.ProposalDraft;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The API over proposals: list, read, create, change, withdraw and reinstate, and the preview of an edit. */
final class ProposalsApi extends Api {
  ProposalsApi(Workspace workspace) {
    super(workspace);
  }

  static ObjectNode proposal(Snapshot s, Proposal p, StoredProposal row) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", p.id());
    n.put("unit", p.unit());
    n.put("title", p.title());
    n.put("side", p.side().name().toLowerCase(java.util.Locale.ROOT));
    n.put("nature", p.nature() == null ? null : p.nature().code());
    n.put("category", p.category());
    ArrayNode products = n.putArray("products");
    p.products().forEach(products::add);
    n.put("rule", p.rule().name().toLowerCase(java.util.Locale.ROOT));
    n.put("explanation", p.explanation());
    // the texts that quote this proposal's figures: withdrawing it makes their amounts lapse
    ArrayNode quotedBy = n.putArray("quoted_by");
    s.quoting(p.id()).forEach(place -> quotedBy.add(place.path()));
    ObjectNode amounts = n.putObject("amounts");
    List<Integer> years = s.budget().version().years();
    // the computation alone (its map by id), not the document: a proposal is answered without building every figure
    var computation = s.computed().computation();
    int index = computation.proposalIndex(p.id());
    if (index >= 0 && s.budget().proposals().get(index) != p) {
      index = -1; // a withdrawn proposal of the same id as none in the budget (cannot be): its own amounts
    }
    for (int y = 0; y < years.size(); y++) {
      String key = String.valueOf(years.get(y));
      var line = index >= 0 ? computation.line(index) : p.amounts();
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
      CycleApi.cycle(n, row);
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
      json(ctx, VersionsApi.comparison(impact.comparison()));
    }
  }
}
