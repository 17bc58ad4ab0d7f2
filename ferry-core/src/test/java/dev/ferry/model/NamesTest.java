package dev.ferry.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {
    @Test
    void snakeAndConstantNames() {
        assertThat(Names.snake("determinationScore")).isEqualTo("determination_score");
        assertThat(Names.snake("SourceImage")).isEqualTo("source_image");
        assertThat(Names.snake("id")).isEqualTo("id");
        assertThat(Names.snake("URLPath")).isEqualTo("url_path");
        assertThat(Names.snake("parseHTML")).isEqualTo("parse_html");
        assertThat(Names.snake("gbifTaxonKey2")).isEqualTo("gbif_taxon_key2");
        assertThat(Names.constant("frameNum")).isEqualTo("FRAME_NUM");
    }

    @Test
    void suggestionsPickTheNearestNameOrListTheChoices() {
        List<String> names = List.of("detections", "determination", "identifications");
        assertThat(Names.suggest("detection", names)).isEqualTo("did you mean 'detections'?");
        assertThat(Names.suggest("identification", names)).isEqualTo("did you mean 'identifications'?");
        assertThat(Names.suggest("zzz", names)).isEqualTo("choices are: detections, determination, identifications");
        assertThat(Names.distance("kitten", "sitting")).isEqualTo(3);
    }
}
