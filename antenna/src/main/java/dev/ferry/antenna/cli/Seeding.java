package dev.ferry.antenna.cli;

import javax.sql.DataSource;

/**
 * The one call into the demo-data generator, {@code dev.ferry.antenna.seed.DemoData} (its own package).
 */
final class Seeding {

    private Seeding() {
    }

    /** Whether the generator is part of this build. */
    static boolean available() {
        // >>> SEEDER CALL SITE: true once dev.ferry.antenna.seed.DemoData exists.
        return false;
    }

    /**
     * Fills the database with demo data: {@code occurrences} occurrences with their captures, detections,
     * classifications and identifications, generated from {@code seed} (the same seed gives the same data);
     * {@code reset} empties the tables first.
     */
    static void seed(DataSource dataSource, long seed, int occurrences, boolean reset) {
        // >>> SEEDER CALL SITE: replace the line below with
        //     DemoData.seed(dataSource, new DemoData.Options(seed, occurrences, reset), progress);
        throw new IllegalStateException("The demo-data generator (dev.ferry.antenna.seed.DemoData) is not in this build yet");
    }
}
