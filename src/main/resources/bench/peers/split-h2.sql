-- split.sql for H2, the same query but for one thing: the joins compare with "s.col + 0", not "s.col".
-- With "k.col = s.col" H2 2.5 makes member_keys the outer table and looks up the saldo view by col for
-- each of its rows, grouping all cells again each time (4.000 full scans; EXPLAIN shows the view's
-- "COL IS NOT DISTINCT FROM ?1"); with the expression it groups the cells once. Same answer.
-- Each annex column's saldo per year (lasten +, baten -) split over the members by the column's key,
-- exactly as Begroot splits (largest remainder, Hamilton): each member first gets its quota
-- |amount| * weight / sum(weights) rounded towards zero; the cents still missing go one each to the
-- largest remainders, ties to the earlier member; a negative saldo is split as its absolute value and
-- negated. Quotas in NUMERIC(38,0) so that no product overflows. (H2 and PostgreSQL.)
WITH saldo AS (
  SELECT col, yr, SUM(CASE WHEN side = 0 THEN cents ELSE -cents END) AS amount
  FROM cells WHERE col >= 0 GROUP BY col, yr),
weights AS (SELECT col, SUM(weight) AS wsum FROM member_keys GROUP BY col),
products AS (
  SELECT s.col, s.yr, k.member, s.amount, CAST(ABS(s.amount) AS NUMERIC(38, 0)) * k.weight AS product, w.wsum
  FROM saldo s JOIN member_keys k ON k.col = s.col + 0 JOIN weights w ON w.col = s.col + 0),
quotas AS (
  SELECT col, yr, member, amount, CAST((product - MOD(product, wsum)) / wsum AS BIGINT) AS quota, MOD(product, wsum) AS remainder
  FROM products),
ranked AS (
  SELECT col, yr, member, amount, quota,
    ABS(amount) - SUM(quota) OVER (PARTITION BY col, yr) AS missing,
    ROW_NUMBER() OVER (PARTITION BY col, yr ORDER BY remainder DESC, member) AS place
  FROM quotas)
SELECT col, yr, member, (CASE WHEN amount < 0 THEN -1 ELSE 1 END) * (quota + CASE WHEN place <= missing THEN 1 ELSE 0 END) AS cents FROM ranked
