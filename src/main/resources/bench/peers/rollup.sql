-- The rollup per programme, side and year (Tabel 1's change in lasten and baten per programme).
SELECT programme, side, yr, SUM(cents) AS total FROM cells GROUP BY programme, side, yr
