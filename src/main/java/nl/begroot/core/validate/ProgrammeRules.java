package nl.begroot.core.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Unit;

/** The rules of the programmes: ids, the one overhead view and its spread, frames, units. */
final class ProgrammeRules extends Rules {
  ProgrammeRules(Checks c) {
    super(c);
  }

  // ---- programmes -------------------------------------------------------------------------------

  void programmes() {
    Set<String> unitIds = new HashSet<>();
    boolean overheadSeen = false;
    List<Programme> programmes = budget.programmes();
    for (int i = 0; i < programmes.size(); i++) {
      Programme p = programmes.get(i);
      ModelPath at = ModelPath.of("programmes").index(i);
      String what = "programme '" + p.id() + "'";
      if (id(at.field("id"), p.id(), "programme id") && programmeIndex.putIfAbsent(p.id(), i) != null) {
        add(at.field("id"), "duplicate programme id '" + p.id() + "'");
      }
      text(at.field("title"), p.title(), what + " title");
      if (p.overheadView() && overheadSeen) {
        add(at.field("overhead_view"), "only one programme can be the overhead view");
      }
      overheadSeen |= p.overheadView();
      spread(p, at, what);
      ModelPath frame = at.field("frame");
      amounts(frame.field("lasten"), p.frameLasten(), what + " frame lasten", true, false);
      if (p.overheadView()) {
        if (p.frameBaten() != null && anyNonBlank(p.frameBaten())) {
          add(frame.field("baten"), what + " is the overhead view: its frame has lasten only");
        }
      } else {
        amounts(frame.field("baten"), p.frameBaten(), what + " frame baten", true, false);
      }
      List<Unit> units = p.units();
      if (units.isEmpty()) {
        add(at.field("units"), what + " needs at least one unit");
      }
      for (int u = 0; u < units.size(); u++) {
        ModelPath uat = at.field("units").index(u);
        Unit unit = units.get(u);
        if (id(uat.field("id"), unit.id(), "unit id")) {
          if (!unitIds.add(unit.id())) {
            add(uat.field("id"), "duplicate unit id '" + unit.id() + "'");
          } else {
            unitProgramme.put(unit.id(), i);
          }
        }
        text(uat.field("title"), unit.title(), "unit title");
      }
    }
  }

  void spread(Programme p, ModelPath at, String what) {
    ModelPath spreadAt = at.field("spread");
    if (p.spread().isEmpty()) {
      if (p.overheadView()) {
        add(at, what + " is the overhead view and needs a spread over the annex columns");
      }
      return;
    }
    if (!p.overheadView()) {
      add(spreadAt, what + " has a spread but is not the overhead view");
    }
    BigDecimal sum = BigDecimal.ZERO;
    List<String> outOfRange = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (var e : p.spread().entrySet()) {
      BigDecimal share = e.getValue() == null ? BigDecimal.ZERO : e.getValue();
      sum = sum.add(share);
      written.add(e.getKey() + " " + share.toPlainString() + " %");
      if (share.signum() < 0 || share.compareTo(Checks.HUNDRED) > 0) {
        outOfRange.add(e.getKey() + " " + share.toPlainString() + " %");
      }
    }
    if (!outOfRange.isEmpty()) {
      add(spreadAt, what + " spread gives column " + String.join(", column ", outOfRange)
          + "; each share must be from 0 to 100 % (the shares as written, " + String.join(", ", written) + ", add up to "
          + sum.toPlainString() + " %)");
    } else if (sum.compareTo(Checks.HUNDRED) != 0) {
      add(spreadAt, what + " spread adds up to " + sum.toPlainString() + " %, not 100 % (as written: " + String.join(", ", written) + ")");
    }
  }
}
