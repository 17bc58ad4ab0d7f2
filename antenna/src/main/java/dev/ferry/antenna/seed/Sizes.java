package dev.ferry.antenna.seed;

/**
 * How the generated tables scale with the number of occurrences N. The other tables follow from
 * these and the ratios in {@link NightWriter}:
 * <ul>
 *   <li>25 users and 3 projects (70% / 20% / 10% of the occurrences) at every size;</li>
 *   <li>deployments = clamp(N / 5,000, 3, 200), split 70/20/10 over the projects, at least one each;</li>
 *   <li>nights (events) per deployment about clamp(N / deployments / 40, 10, 120), varied ±30%
 *       per deployment, chosen among the 153 nights of June..October 2023, so ~40 occurrences
 *       a night at the large sizes;</li>
 *   <li>captures: one every 10 or 15 minutes (per deployment) from ~20:00-22:00 to ~05:00-06:00,
 *       29-59 a night, about one per occurrence;</li>
 *   <li>species = clamp(N / 300, 1,000, 3,000), in ~0.3 genera per species, under 20 real
 *       Lepidoptera families (some with subfamilies and tribes), plus 5 other insect orders.</li>
 * </ul>
 * Sizes: N = 2,000 gives 3 deployments, ~50 nights, ~2,000 captures, ~2,500 detections, ~5,000
 * classifications, ~150 identifications, 1,377 taxa; N = 100,000 gives 20 deployments, ~2,300
 * nights, ~100 k captures, ~125 k detections, ~250 k classifications, ~8 k identifications;
 * N = 1,000,000 gives 200 deployments, ~24,000 nights, ~1.07 M captures, ~1.25 M detections,
 * ~2.5 M classifications, ~84 k identifications, 3,963 taxa (1.8 GB on disk with the indexes).
 */
record Sizes(int occurrences, int users, int deployments, int nightsPerDeployment, int species) {

    static final int SEASON_DAYS = 153; // 2023-06-01 .. 2023-10-31

    static Sizes of(int occurrences) {
        int deployments = clamp(occurrences / 5_000, 3, 200);
        int nights = clamp(Math.round(occurrences / (float) deployments / 40f), 10, 120);
        int species = clamp(occurrences / 300, 1_000, 3_000);
        return new Sizes(occurrences, 25, deployments, nights, species);
    }

    static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
