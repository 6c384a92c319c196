-- begroot bench peers: the generated budget's cells, one row per proposal-year cell, and the keys (member_keys).
-- (yr: the year index; names that no engine reserves.) side: 0 lasten, 1 baten; col: the line's annex leaf column, -1 when it has none (overhead, balancing).
CREATE TABLE cells (line_no INTEGER NOT NULL, programme INTEGER NOT NULL, side INTEGER NOT NULL, col INTEGER NOT NULL,
  yr INTEGER NOT NULL, cents BIGINT NOT NULL);
CREATE TABLE member_keys (col INTEGER NOT NULL, member INTEGER NOT NULL, weight BIGINT NOT NULL);
