package nl.begroot.workspace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.store.StoredVersion;
import nl.begroot.store.VersionStore;

/** Changing a distribution key's shares, checked as a whole budget before it is stored. */
final class KeyEdits {
  private final Workspace workspace;
  private final VersionStore store;

  KeyEdits(Workspace workspace) {
    this.workspace = workspace;
    this.store = workspace.store();
  }

  /** Changes a distribution key's shares (percent per member, as typed) when the base is still at {@code expectedRevision}. */
  EditResult changeKey(String slug, String keyId, Map<String, String> sharesText, int expectedRevision, String actor) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty()) {
      return new EditResult.NotFound("versie " + slug);
    }
    Budget b = s.get().budget();
    Optional<DistributionKey> key = b.key(keyId);
    if (key.isEmpty()) {
      return new EditResult.NotFound("verdeelsleutel " + keyId);
    }
    List<FieldError> errors = new ArrayList<>();
    for (String member : sharesText.keySet()) {
      if (b.member(member).isEmpty()) {
        errors.add(new FieldError("share." + member, "Lid '" + Drafts.shorten(member) + "' bestaat niet.", "Member '" + Drafts.shorten(member) + "' does not exist."));
      }
    }
    Map<String, BigDecimal> shares = new LinkedHashMap<>();
    for (Member m : b.members()) {
      String text = sharesText.get(m.id());
      if (text == null) {
        BigDecimal old = key.get().sharesPercent().get(m.id());
        if (old != null) {
          shares.put(m.id(), old);
        }
        continue;
      }
      Optional<BigDecimal> v = Drafts.parseShare(text);
      if (v.isEmpty()) {
        errors.add(new FieldError("share." + m.id(), m.name() + ": '" + Drafts.shorten(text) + "' is geen percentage tussen 0 en 100 (bijvoorbeeld 10,66).",
            m.name() + ": '" + Drafts.shorten(text) + "' is not a percentage between 0 and 100 (e.g. 10.66)."));
      } else {
        shares.put(m.id(), v.get());
      }
    }
    if (!errors.isEmpty()) {
      return new EditResult.Invalid(errors);
    }
    // A key is a split of 100 %: shares rounded for print may miss by a few hundredths (IPO's key
    // adds up to 100,02 %), more than half a percent is a typing error, not rounding.
    BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.subtract(BigDecimal.valueOf(100)).abs().compareTo(new BigDecimal("0.5")) > 0) {
      String shown = nl.begroot.core.text.Dutch.percent(sum);
      return new EditResult.Invalid(List.of(new FieldError("shares", "De aandelen tellen op tot " + shown + ", niet tot 100%. Pas de aandelen aan zodat ze samen 100% zijn.",
          "The shares add up to " + shown + ", not 100%. Adjust them so that together they make 100%.")));
    }
    DistributionKey k = key.get();
    DistributionKey changed = new DistributionKey(k.id(), k.title(), shares, k.roundedForPrint(), k.normalise(), k.note());
    List<DistributionKey> keys = new ArrayList<>(b.keys());
    keys.set(keys.indexOf(k), changed);
    Budget candidate = b.withKeys(keys);
    List<FieldError> problems = Workspace.readBack(candidate);
    if (!problems.isEmpty()) {
      return new EditResult.Invalid(problems);
    }
    String base = BudgetCodec.split(candidate).base();
    VersionStore.Write outcome = store.updateBase(s.get().version().id(), base, expectedRevision, Workspace.actor(actor), "key.change", keyId);
    workspace.written(slug);
    return switch (outcome) {
      case DONE -> new EditResult.Saved(keyId);
      case NOT_FOUND -> new EditResult.NotFound("versie " + slug);
      case CONFLICT -> {
        StoredVersion now = store.version(slug).orElseThrow();
        yield new EditResult.Conflict(keyId, now.revision(), now.updatedBy(), keyText(workspace.snapshot(slug).orElseThrow().budget(), keyId), keyText(candidate, keyId));
      }
    };
  }

  private static String keyText(Budget b, String keyId) {
    StringBuilder sb = new StringBuilder();
    b.key(keyId).ifPresent(k -> k.sharesPercent().forEach((m, v) -> sb.append(b.member(m).map(Member::name).orElse(m)).append(": ")
        .append(nl.begroot.core.text.Dutch.percent(v)).append("\n")));
    return sb.toString();
  }
}
