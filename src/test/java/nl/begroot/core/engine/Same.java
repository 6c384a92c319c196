package nl.begroot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

/** Two computations of the same budget agree on every figure, to the cent (and on every pm mark). */
final class Same {
  private Same() {}

  static void figures(Computation actual, Computation expected, String what) {
    int years = expected.yearCount();
    int programmes = expected.budget().programmes().size();
    assertThat(actual.budget().proposals().size()).as(what + " proposals").isEqualTo(expected.budget().proposals().size());
    for (int i = 0; i < expected.budget().proposals().size(); i++) {
      assertThat(actual.line(i)).as(what + " line " + i).isEqualTo(expected.line(i));
    }
    for (int y = 0; y < years; y++) {
      String at = what + " year " + y + " ";
      assertThat(actual.balancing(y)).as(at + "balancing").isEqualTo(expected.balancing(y));
      assertThat(actual.totalFrameLasten(y)).as(at + "frame lasten").isEqualTo(expected.totalFrameLasten(y));
      assertThat(actual.totalFrameBaten(y)).as(at + "frame baten").isEqualTo(expected.totalFrameBaten(y));
      assertThat(actual.totalChangeLasten(y)).as(at + "change lasten").isEqualTo(expected.totalChangeLasten(y));
      assertThat(actual.totalChangeBaten(y)).as(at + "change baten").isEqualTo(expected.totalChangeBaten(y));
      for (Computation.StructuralRow row : Computation.StructuralRow.values()) {
        assertThat(actual.structural(row, y)).as(at + row).isEqualTo(expected.structural(row, y));
      }
      for (int p = 0; p < programmes; p++) {
        assertThat(actual.frameLasten(p, y)).as(at + "frame lasten " + p).isEqualTo(expected.frameLasten(p, y));
        assertThat(actual.frameBaten(p, y)).as(at + "frame baten " + p).isEqualTo(expected.frameBaten(p, y));
        assertThat(actual.changeLasten(p, y)).as(at + "change lasten " + p).isEqualTo(expected.changeLasten(p, y));
        assertThat(actual.changeBaten(p, y)).as(at + "change baten " + p).isEqualTo(expected.changeBaten(p, y));
        assertThat(actual.changeLastenHasPm(p, y)).as(at + "pm lasten " + p).isEqualTo(expected.changeLastenHasPm(p, y));
        assertThat(actual.changeBatenHasPm(p, y)).as(at + "pm baten " + p).isEqualTo(expected.changeBatenHasPm(p, y));
        assertThat(actual.passThrough(p, y)).as(at + "pass-through " + p).isEqualTo(expected.passThrough(p, y));
      }
      AnnexFigures a = actual.annex();
      AnnexFigures e = expected.annex();
      assertThat(a.columnCount()).isEqualTo(e.columnCount());
      for (int c = 0; c < e.columnCount(); c++) {
        assertThat(a.parts(c, y)).as(at + "parts " + c).isEqualTo(e.parts(c, y));
        assertThat(a.overhead(c, y)).as(at + "overhead " + c).isEqualTo(e.overhead(c, y));
        assertThat(a.members(c, y)).as(at + "members " + c).containsExactly(e.members(c, y));
      }
    }
  }
}
