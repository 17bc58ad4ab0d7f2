package dev.ferry.antenna.cli;

import dev.ferry.antenna.seed.ConsoleProgress;
import dev.ferry.antenna.seed.DemoData;
import javax.sql.DataSource;

/**
 * The one call into the demo-data generator, {@code dev.ferry.antenna.seed.DemoData} (its own package).
 */
final class Seeding {

    private Seeding() {
    }

    /**
     * Fills the database with demo data: {@code occurrences} occurrences with their captures, detections,
     * classifications and identifications, generated from {@code seed} (the same seed gives the same data);
     * {@code reset} empties the tables first.
     */
    static void seed(DataSource dataSource, long seed, int occurrences, boolean reset) {
        DemoData.seed(dataSource, new DemoData.Options(seed, occurrences, reset), new ConsoleProgress());
    }
}
