package dev.ferry.engine;

import dev.ferry.fixture.*;
import dev.ferry.query.Agg;
import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example, run: four statements whatever the page size. */
class ReadmeExampleTest extends SeededDatabase {

    ReadmeExampleTest() {
        super(TestDatabases.postgres());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 25, 1000})
    void theExampleCostsFourStatements(int limit) {
        List<Occurrence> page = ferry.from(Occurrence.class)
                .where(Occurrence_.PROJECT.idEq(1L))
                .where(Occurrence_.DETECTIONS.then(Detection_.PATH).isNotNull())
                .orderBy(Occurrence_.DETERMINATION_SCORE.desc())
                .join(Occurrence_.DETERMINATION.then(Taxon_.PARENT))
                .prefetch(Occurrence_.DETECTIONS.then(Detection_.CLASSIFICATIONS))
                .prefetch(Occurrence_.DETECTIONS.as("first_image"),
                        q -> q.where(Detection_.PATH.isNotNull()).orderBy(Detection_.FRAME_NUM.asc()).limit(1))
                .annotate(Occurrence_.DETECTIONS_COUNT, Agg.count(Occurrence_.DETECTIONS))
                .limit(limit)
                .list();
        assertStatements(4);
        long withImages = ids("SELECT COUNT(*) FROM main_occurrence o WHERE o.project_id = 1 AND EXISTS "
                + "(SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id AND d.path IS NOT NULL)").get(0);
        assertThat(page).hasSize((int) Math.min(limit, withImages));
        Occurrence first = page.get(0);
        assertThat(first.determination().get().parent().get().rank()).isEqualTo("FAMILY");
        assertThat(first.detections().named("first_image")).hasSize(1);
        assertThat(first.detectionsCount()).isEqualTo(first.detections().size());
        assertStatements(4);
    }
}
