package nl.begroot.workspace;

import nl.begroot.core.access.Actor;
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

  /**
   * Changes a distribution key's shares (percent per member, as typed) when the base is still at
   * {@code expectedRevision}: in one transaction the version's row is read, its revision checked, the
   * shares the user sent applied to the key as it is in that row, the budget validated and the base
   * written.
   */
  EditResult changeKey(String slug, String keyId, Map<String, String> sharesText, int expectedRevision, Actor actor) {
    return workspace.write(slug, actor, w -> {
      nl.begroot.core.access.Access.require(actor, nl.begroot.core.access.Permission.EDIT_KEY, Workspace.scope(w.version()));
      return change(w, keyId, sharesText, expectedRevision);
    })
        .orElseGet(() -> new EditResult.NotFound("versie " + slug));
  }

  private EditResult change(VersionStore.Write w, String keyId, Map<String, String> sharesText, int expectedRevision) {
    Budget b = workspace.state(w).budget();
    Optional<DistributionKey> key = b.key(keyId);
    if (key.isEmpty()) {
      return new EditResult.NotFound("verdeelsleutel " + keyId);
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, BigDecimal> shares = new LinkedHashMap<>(key.get().sharesPercent());
    for (Map.Entry<String, String> e : sharesText.entrySet()) {
      String name = b.member(e.getKey()).map(Member::name).orElse("'" + Drafts.shorten(e.getKey()) + "'");
      Optional<BigDecimal> v = Drafts.parseShare(e.getValue());
      if (v.isEmpty()) {
        errors.add(new FieldError("share." + e.getKey(), name + ": '" + Drafts.shorten(e.getValue()) + "' is geen percentage tussen 0 en 100 (bijvoorbeeld 10,66).",
            name + ": '" + Drafts.shorten(e.getValue()) + "' is not a percentage between 0 and 100 (e.g. 10.66)."));
      } else {
        shares.put(e.getKey(), v.get()); // an unknown member too: the core says it is unknown
      }
    }
    DistributionKey k = key.get();
    DistributionKey changed = new DistributionKey(k.id(), k.title(), shares, k.roundedForPrint(), k.normalise(), k.note());
    List<DistributionKey> keys = new ArrayList<>(b.keys());
    int index = keys.indexOf(k);
    keys.set(index, changed);
    Budget candidate = b.withKeys(keys);
    errors = EditCheck.key(candidate, index, errors);
    if (errors.isEmpty() && k.roundedForPrint() && k.normalise()) {
      // The core accepts any sum for a key whose shares were rounded for print (IPO's adds up to
      // 100,02 %): an edit that misses 100 % by more than half a percent is a typing error, not rounding.
      BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.subtract(BigDecimal.valueOf(100)).abs().compareTo(new BigDecimal("0.5")) > 0) {
        String shown = nl.begroot.core.text.Dutch.percent(sum);
        errors = List.of(new FieldError("shares", "De aandelen tellen op tot " + shown + ", niet tot 100%. Pas de aandelen aan zodat ze samen 100% zijn.",
            "The shares add up to " + shown + ", not 100%. Adjust them so that together they make 100%."));
      }
    }
    if (!errors.isEmpty()) {
      return new EditResult.Invalid(errors);
    }
    StoredVersion now = w.version();
    if (now.revision() != expectedRevision) {
      return new EditResult.Conflict(keyId, now.revision(), now.updatedBy(), keyText(b, keyId), keyText(candidate, keyId));
    }
    w.replaceBase(BudgetCodec.base(candidate, w.proposals()), "key.change", keyId);
    return new EditResult.Saved(keyId);
  }

  private static String keyText(Budget b, String keyId) {
    StringBuilder sb = new StringBuilder();
    b.key(keyId).ifPresent(k -> k.sharesPercent().forEach((m, v) -> sb.append(b.member(m).map(Member::name).orElse(m)).append(": ")
        .append(nl.begroot.core.text.Dutch.percent(v)).append("\n")));
    return sb.toString();
  }
}
