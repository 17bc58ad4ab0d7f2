package dev.ferry.antenna.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The monitoring nights (events) of every station and how many occurrences each one gets. A
 * station runs on a random subset of the season's nights; a night's share of the occurrences
 * follows the project share (70/20/10), the station's activity, a seasonal curve peaking in late
 * July and night-to-night noise. The shares are rounded cumulatively, so the nights add up to
 * exactly the requested number of occurrences.
 */
final class Plan {

    static final LocalDate SEASON_START = LocalDate.of(2023, 6, 1);

    /** One night of one station; ids are assigned in station, then date order. */
    record Night(long id, Catalog.Station station, long start, int captures, int occurrences) {
    }

    final List<Night> nights = new ArrayList<>();
    /** Per station (same index as the catalog's list): first and last night's start. */
    final long[][] season;

    Plan(Sizes sizes, Catalog catalog, SplittableRandom rng) {
        List<Catalog.Station> stations = catalog.stations;
        season = new long[stations.size()][2];
        List<long[]> starts = new ArrayList<>();      // per station: night starts
        List<int[]> captures = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        double[] stationTotal = new double[stations.size()];
        double[] projectActivity = new double[catalog.projects.size()];
        long seasonStart = Times.of(SEASON_START);
        for (int s = 0; s < stations.size(); s++) {
            Catalog.Station station = stations.get(s);
            projectActivity[(int) station.project.id() - 1] += station.activity;
            int offset = rng.nextInt(20);
            int window = Sizes.SEASON_DAYS - offset;
            int wanted = Sizes.clamp((int) Math.round(sizes.nightsPerDeployment() * (0.7 + 0.6 * rng.nextDouble())),
                    5, window);
            long[] st = new long[wanted];
            int[] cap = new int[wanted];
            double[] w = new double[wanted];
            int chosen = 0;
            for (int day = 0; day < window && chosen < wanted; day++) {
                // selection sampling: exactly `wanted` of the `window` nights, in date order
                if (rng.nextDouble() * (window - day) < wanted - chosen) {
                    int dayOfSeason = offset + day;
                    long date = seasonStart + dayOfSeason * Times.DAY;
                    long start = date + 20 * Times.HOUR + rng.nextInt(120) * Times.MINUTE
                            + rng.nextInt(60) * Times.SECOND;
                    long end = date + Times.DAY + 5 * Times.HOUR + rng.nextInt(60) * Times.MINUTE;
                    st[chosen] = start;
                    cap[chosen] = (int) ((end - start) / (station.intervalMinutes * Times.MINUTE)) + 1;
                    double peak = (dayOfSeason - 55) / 35.0; // late July
                    w[chosen] = (StrictMath.exp(-peak * peak) + 0.1) * StrictMath.exp(0.5 * gaussian(rng));
                    stationTotal[s] += w[chosen];
                    chosen++;
                }
            }
            starts.add(st);
            captures.add(cap);
            weights.add(w);
            season[s][0] = st[0];
            season[s][1] = st[wanted - 1];
        }

        int total = sizes.occurrences();
        double cumulative = 0;
        long assigned = 0;
        long id = 1;
        int last = stations.size() - 1;
        for (int s = 0; s < stations.size(); s++) {
            Catalog.Station station = stations.get(s);
            double stationShare = station.project.share() * station.activity
                    / projectActivity[(int) station.project.id() - 1];
            double[] w = weights.get(s);
            for (int n = 0; n < w.length; n++) {
                cumulative += stationShare * w[n] / stationTotal[s];
                boolean veryLast = s == last && n == w.length - 1;
                long upTo = veryLast ? total : Math.min(total, Math.round(cumulative * total));
                int occurrences = (int) (upTo - assigned);
                assigned = upTo;
                nights.add(new Night(id++, station, starts.get(s)[n], captures.get(s)[n], occurrences));
            }
        }
    }

    /** A standard normal value (Box-Muller with StrictMath, so every JVM draws the same numbers). */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }
}
