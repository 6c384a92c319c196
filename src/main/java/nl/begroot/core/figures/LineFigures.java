package nl.begroot.core.figures;

import static nl.begroot.core.figures.FigureIds.of;
import static nl.begroot.core.figures.FigureIds.programmeTable;
import static nl.begroot.core.figures.FigureSheet.minus;
import static nl.begroot.core.figures.FigureSheet.plus;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.figures.Figure.Display;
import nl.begroot.core.figures.Figure.Term;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Transfer;

/**
 * The figures every table is built on, before any table: the frames, the transfer legs, the proposal
 * lines (entered, transfer, pass-through contribution), the breakdown components as entered, the
 * change in lasten per programme and in total, and the balancing item.
 */
final class LineFigures {
  private final FigureSheet s;

  LineFigures(FigureSheet sheet) {
    this.s = sheet;
  }

  void build() {
    frames();
    transferLegs();
    lines();
    passThroughContribution();
    List<Proposal> proposals = s.budget.proposals();
    for (int i = 0; i < proposals.size(); i++) {
      if (proposals.get(i).breakdown() != null) {
        componentLeaves(i);
      }
    }
    changeLasten();
    balancing();
  }

  private void frames() {
    for (Programme programme : s.budget.programmes()) {
      String t = programmeTable(programme.id());
      int p = s.programmeIndex(programme);
      for (int y = 0; y < s.years.size(); y++) {
        int year = s.years.get(y);
        s.leaf(of(t, "frame.lasten", year), FigureSheet.pl(programme, "kader lasten"), s.c.frameLasten(p, y), Display.AMOUNT,
            new Origin.Frame(programme.id(), "lasten", year));
        if (!programme.overheadView()) {
          s.leaf(of(t, "frame.baten", year), FigureSheet.pl(programme, "kader baten"), s.c.frameBaten(p, y), Display.AMOUNT,
              new Origin.Frame(programme.id(), "baten", year));
          s.sum(of(t, "frame.saldo", year), FigureSheet.pl(programme, "kader saldo"),
              List.of(plus(of(t, "frame.lasten", year)), minus(of(t, "frame.baten", year))),
              "lasten - baten");
        }
      }
    }
  }

  private void transferLegs() {
    for (Transfer transfer : s.budget.transfers()) {
      for (Transfer.Leg leg : transfer.legs()) {
        for (int y = 0; y < s.years.size(); y++) {
          int year = s.years.get(y);
          s.leaf(of(FigureIds.transferTable(transfer.id()), leg.line(), year), transfer.title(), leg.amounts().cents(y),
              FigureSheet.display(leg.amounts(), y), new Origin.TransferLeg(transfer.id(), leg.line(), year));
        }
      }
    }
  }

  private void lines() {
    List<Proposal> proposals = s.budget.proposals();
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      if (p.rule() == Proposal.Rule.ENTERED) {
        for (int y = 0; y < s.years.size(); y++) {
          s.enteredLine(i, y); // a leaf of the computed line, made when asked for (decision 267)
        }
      } else if (p.rule() == Proposal.Rule.TRANSFER) {
        Programme programme = s.programme(i);
        Amounts line = s.c.line(i);
        String label = FigureSheet.lineLabel(p, programme);
        String id = s.proposalId(i);
        for (int y = 0; y < s.years.size(); y++) {
          int year = s.years.get(y);
          List<Term> legs = new ArrayList<>();
          for (Transfer transfer : s.budget.transfers()) {
            for (Transfer.Leg leg : transfer.legs()) {
              if (leg.line().equals(id)) {
                legs.add(plus(of(FigureIds.transferTable(transfer.id()), leg.line(), year)));
              }
            }
          }
          Figure f = s.sum(s.lineId(i, year), label, legs, "sum of the transfer legs shown on this line");
          s.replaceDisplay(f, FigureSheet.display(line, y));
        }
      }
    }
  }

  private void passThroughContribution() {
    List<Proposal> proposals = s.budget.proposals();
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      if (p.rule() != Proposal.Rule.PASS_THROUGH_CONTRIBUTION) {
        continue;
      }
      Programme programme = s.programme(i);
      for (int y = 0; y < s.years.size(); y++) {
        int year = s.years.get(y);
        FigureSheet.Terms terms = s.terms();
        for (int k = 0; k < proposals.size(); k++) {
          Proposal moved = proposals.get(k);
          if (moved.passThrough()) {
            terms.line(k, year, moved.saldoSign());
          }
        }
        s.sum(of(programmeTable(programme.id()), p.id(), year), FigureSheet.lineLabel(p, programme), terms,
            "the members' contribution that moves with the items moved to the pass-through budget");
        s.check(of(programmeTable(programme.id()), p.id(), year), s.c.line(i).cents(y));
      }
    }
  }

  /** A breakdown's components as entered, one leaf per year that has an amount or pm. */
  private void componentLeaves(int i) {
    Proposal p = s.budget.proposals().get(i);
    String id = s.proposalId(i);
    String raw = FigureIds.breakdownRawTable(id);
    for (int y = 0; y < s.years.size(); y++) {
      int year = s.years.get(y);
      for (Breakdown.Component component : p.breakdown().components()) {
        Amounts a = component.amounts();
        if (a.kind(y) != Amounts.Kind.BLANK) {
          s.leaf(of(raw, component.id(), year), component.title(), a.cents(y), FigureSheet.display(a, y),
              new Origin.Component(id, component.id(), year));
        }
      }
    }
  }

  private void changeLasten() {
    for (Programme programme : s.budget.programmes()) {
      String t = programmeTable(programme.id());
      int[] lasten = s.linesOf(programme, Side.LASTEN);
      for (int y = 0; y < s.years.size(); y++) {
        int year = s.years.get(y);
        FigureSheet.Terms terms = s.terms(lasten.length);
        for (int i : lasten) {
          terms.line(i, year, 1);
        }
        s.sum(of(t, "change.lasten", year), FigureSheet.pl(programme, "totaal wijziging lasten"), terms, "sum of the lasten lines");
        s.check(of(t, "change.lasten", year), s.c.changeLasten(s.programmeIndex(programme), y));
      }
    }
    for (int y = 0; y < s.years.size(); y++) {
      int year = s.years.get(y);
      List<Term> terms = new ArrayList<>();
      for (Programme programme : s.budget.programmes()) {
        terms.add(plus(of(programmeTable(programme.id()), "change.lasten", year)));
      }
      s.sum(FigureIds.tabel1("change.lasten", year), "Tabel 1: totaal wijziging lasten", terms, "sum over the programmes");
      s.check(FigureIds.tabel1("change.lasten", year), s.c.totalChangeLasten(y));
    }
  }

  private void balancing() {
    int balancingIndex = s.balancingIndex();
    if (balancingIndex < 0) {
      return;
    }
    List<Proposal> proposals = s.budget.proposals();
    Proposal balancing = proposals.get(balancingIndex);
    Programme programme = s.programme(balancingIndex);
    for (int y = 0; y < s.years.size(); y++) {
      int year = s.years.get(y);
      FigureSheet.Terms otherBaten = s.terms();
      for (int i = 0; i < proposals.size(); i++) {
        Proposal p = proposals.get(i);
        if (p.side() == Side.BATEN && p != balancing) {
          otherBaten.line(i, year, 1);
        }
      }
      String other = of(FigureIds.BALANCE, "other-baten", year);
      s.sum(other, "Totaal wijziging overige baten", otherBaten, "sum of all baten lines except the balancing line");
      s.sum(of(programmeTable(programme.id()), balancing.id(), year), FigureSheet.lineLabel(balancing, programme),
          List.of(plus(FigureIds.tabel1("change.lasten", year)), minus(other)),
          "balancing item: total change in lasten minus total change in all other baten");
      s.check(of(programmeTable(programme.id()), balancing.id(), year), s.c.balancing(y));
    }
  }
}
