package dev.ferry.bench.page.jooq;

import java.time.LocalDateTime;
import org.jooq.Converter;
import org.jooq.JSONB;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableOptions;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

/**
 * The tables of the reference schema ({@code antenna/src/main/resources/db/migration/V1__schema.sql})
 * that the occurrence list reads, written the way jOOQ's code generator would write them: one
 * {@link TableImpl} per table with typed {@link TableField}s and a type-preserving {@code as(alias)},
 * so a query names {@code t.PARENT_ID} instead of a string. Only the columns the list document needs
 * are declared (a generated schema would declare all of them; the SQL is the same).
 *
 * <p>There is no code generator in this build; these classes stand in for its output. The record type
 * is the generic {@link Record}: the strategy never reads whole table records, it projects columns.
 */
public final class AntennaSchema {

    private AntennaSchema() {
    }

    /** {@code jsonb} read as its text: the serializer parses {@code parents_json} itself. */
    private static final Converter<JSONB, String> JSONB_TEXT =
            Converter.ofNullable(JSONB.class, String.class, JSONB::data, JSONB::jsonb);

    public static final MainOccurrence MAIN_OCCURRENCE = new MainOccurrence(DSL.name("main_occurrence"), null);
    public static final MainDetection MAIN_DETECTION = new MainDetection(DSL.name("main_detection"), null);
    public static final MainEvent MAIN_EVENT = new MainEvent(DSL.name("main_event"), null);
    public static final MainDeployment MAIN_DEPLOYMENT = new MainDeployment(DSL.name("main_deployment"), null);
    public static final MainTaxon MAIN_TAXON = new MainTaxon(DSL.name("main_taxon"), null);
    public static final MainIdentification MAIN_IDENTIFICATION = new MainIdentification(DSL.name("main_identification"), null);
    public static final UsersUser USERS_USER = new UsersUser(DSL.name("users_user"), null);
    public static final MainClassification MAIN_CLASSIFICATION = new MainClassification(DSL.name("main_classification"), null);
    public static final MlAlgorithm ML_ALGORITHM = new MlAlgorithm(DSL.name("ml_algorithm"), null);

    /** The constructor every generated table shares: a name (or alias) and the table it aliases. */
    private abstract static class Base<T extends Base<T>> extends TableImpl<Record> {
        Base(Name name, Table<Record> aliased) {
            super(name, null, aliased, null, DSL.comment(""), TableOptions.table(), null);
        }

        abstract T alias(Name alias);

        @Override
        public final T as(String alias) {
            return alias(DSL.name(alias));
        }

        @Override
        public final T as(Name alias) {
            return alias(alias);
        }
    }

    public static final class MainOccurrence extends Base<MainOccurrence> {
        public final TableField<Record, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false));
        public final TableField<Record, LocalDateTime> CREATED_AT = createField(DSL.name("created_at"), SQLDataType.LOCALDATETIME(6).nullable(false));
        public final TableField<Record, LocalDateTime> UPDATED_AT = createField(DSL.name("updated_at"), SQLDataType.LOCALDATETIME(6).nullable(false));
        public final TableField<Record, Long> DETERMINATION_ID = createField(DSL.name("determination_id"), SQLDataType.BIGINT);
        public final TableField<Record, Double> DETERMINATION_SCORE = createField(DSL.name("determination_score"), SQLDataType.DOUBLE);
        public final TableField<Record, Long> EVENT_ID = createField(DSL.name("event_id"), SQLDataType.BIGINT);
        public final TableField<Record, Long> DEPLOYMENT_ID = createField(DSL.name("deployment_id"), SQLDataType.BIGINT);
        public final TableField<Record, Long> PROJECT_ID = createField(DSL.name("project_id"), SQLDataType.BIGINT);

        private MainOccurrence(Name name, Table<Record> aliased) {
            super(name, aliased);
        }

        @Override
        MainOccurrence alias(Name alias) {
            return new MainOccurrence(alias, this);
        }
    }

    public static final class MainDetection extends Base<MainDetection> {
        public final TableField<Record, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false));
        public final TableField<Record, Long> OCCURRENCE_ID = createField(DSL.name("occurrence_id"), SQLDataType.BIGINT);
        public final TableField<Record, LocalDateTime> TIMESTAMP = createField(DSL.name("timestamp"), SQLDataType.LOCALDATETIME(6));
        public final TableField<Record, String> PATH = createField(DSL.name("path"), SQLDataType.VARCHAR(255));
        public final TableField<Record, Integer> FRAME_NUM = createField(DSL.name("frame_num"), SQLDataType.INTEGER);

        private MainDetection(Name name, Table<Record> aliased) {
            super(name, aliased);
        }

        @Override
        MainDetection alias(Name alias) {
            return new MainDetection(alias, this);
        }
    }

    public static final class MainEvent extends Base<MainEvent> {
        public final TableField<Record, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false));
        public final TableField<Record, LocalDateTime> START = createField(DSL.name("start"), SQLDataType.LOCALDATETIME(6).nullable(false));
        public final TableField<Record, LocalDateTime> END = createField(DSL.name("end"), SQLDataType.LOCALDATETIME(6));

        private MainEvent(Name name, Table<Record> aliased) {
            super(name, aliased);
        }

        @Override
        MainEvent alias(Name alias) {
            return new MainEvent(alias, this);
        }
    }

    public static final class MainDeployment extends Base<MainDeployment> {
        public final TableField<Record, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false));
        public final TableField<Record, String> NAME = createField(DSL.name("name"), SQLDataType.VARCHAR(80).nullable(false));

        private MainDeployment(Name name, Table<Record> aliased) {
            super(name, aliased);
        }

        @Override
        MainDeployment alias(Name alias) {
            return new MainDeployment(alias, this);
        }
    }

    public static final class MainTaxon extends Base<MainTaxon> {
        public final TableField<Record, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false));
        public final TableField<Record, String> NAME = createField(DSL.name("name"), SQLDataType.VARCHAR(255).nullable(false));
        public final TableField<Record, String> RANK = createField(DSL.name("rank"), SQLDataType.VARCHAR(255).nullable(false));
        public final TableField<Record, Long> PARENT_ID = createField(DSL.name("parent_id"), SQLDataType.BIGINT);
        public final TableField<Record, String> PARENTS_JSON = createField(DSL.name("parents_json"), SQLDataType.JSONB.nullable(false), "", JSONB_TEXT);
        public final TableField<Record, Long> GBIF_TAXON_KEY = createField(DSL.name("gbif_taxon_key"), SQLDataType.BIGINT);
        public final TableField<Record, Long> INAT_TAXON_ID = createField(DSL.name("inat_taxon_id"), SQLDataType.BIGINT);
        public final TableField<Record, String> FIELDGUIDE_ID = createField(DSL.name("fieldguide_id"), SQLDataType.VARCHAR(255));
        public final TableField<Record, String> COVER_IMAGE_URL = createField(DSL.name("cover_image_url"), SQLDataType.VARCHAR(255));
        public final TableField<Record, String> COVER_IMAGE_CREDIT = createField(DSL.name("cover_image_credit"), SQLDataType.VARCHAR(255));

        private MainTaxon(Name name, Table<Record> aliased) {
            super(name, aliased);
        }

        @Override
        MainTaxon alias(Name alias) {
            return new MainTaxon(alias, this);
        }
    }

    public static final class MainIdentification extends Base<MainIdentification> {
        public final TableField<Record, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false));
        public final TableField<Record, LocalDateTime> CREATED_AT = createField(DSL.name("created_at"), SQLDataType.LOCALDATETIME(6).nullable(false));
        public final TableField<Record, Long> USER_ID = createField(DSL.name("user_id"), SQLDataType.BIGINT);
        public final TableField<Record, Long> TAXON_ID = createField(DSL.name("taxon_id"), SQLDataType.BIGINT);
        public final TableField<Record, Long> OCCURRENCE_ID = createField(DSL.name("occurrence_id"), SQLDataType.BIGINT.nullable(false));
        public final TableField<Record, Boolean> WITHDRAWN = createField(DSL.name("withdrawn"), SQLDataType.BOOLEAN.nullable(false));
        public final TableField<Record, String> COMMENT = createField(DSL.name("comment"), SQLDataType.CLOB.nullable(false));

        private MainIdentification(Name name, Table<Record> aliased) {
            super(name, aliased);
        }

        @Override
        MainIdentification alias(Name alias) {
            return new MainIdentification(alias, this);
        }
    }

    public static final class UsersUser extends Base<UsersUser> {
        public final TableField<Record, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false));
        public final TableField<Record, String> NAME = createField(DSL.name("name"), SQLDataType.VARCHAR(255).nullable(false));
        public final TableField<Record, String> IMAGE = createField(DSL.name("image"), SQLDataType.VARCHAR(100));

        private UsersUser(Name name, Table<Record> aliased) {
            super(name, aliased);
        }

        @Override
        UsersUser alias(Name alias) {
            return new UsersUser(alias, this);
        }
    }

    public static final class MainClassification extends Base<MainClassification> {
        public final TableField<Record, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false));
        public final TableField<Record, LocalDateTime> CREATED_AT = createField(DSL.name("created_at"), SQLDataType.LOCALDATETIME(6).nullable(false));
        public final TableField<Record, Long> DETECTION_ID = createField(DSL.name("detection_id"), SQLDataType.BIGINT);
        public final TableField<Record, Long> TAXON_ID = createField(DSL.name("taxon_id"), SQLDataType.BIGINT);
        public final TableField<Record, Double> SCORE = createField(DSL.name("score"), SQLDataType.DOUBLE);
        public final TableField<Record, Boolean> TERMINAL = createField(DSL.name("terminal"), SQLDataType.BOOLEAN.nullable(false));
        public final TableField<Record, Long> ALGORITHM_ID = createField(DSL.name("algorithm_id"), SQLDataType.BIGINT);

        private MainClassification(Name name, Table<Record> aliased) {
            super(name, aliased);
        }

        @Override
        MainClassification alias(Name alias) {
            return new MainClassification(alias, this);
        }
    }

    public static final class MlAlgorithm extends Base<MlAlgorithm> {
        public final TableField<Record, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false));
        public final TableField<Record, LocalDateTime> CREATED_AT = createField(DSL.name("created_at"), SQLDataType.LOCALDATETIME(6).nullable(false));
        public final TableField<Record, LocalDateTime> UPDATED_AT = createField(DSL.name("updated_at"), SQLDataType.LOCALDATETIME(6).nullable(false));
        public final TableField<Record, String> NAME = createField(DSL.name("name"), SQLDataType.VARCHAR(255).nullable(false));
        public final TableField<Record, String> KEY = createField(DSL.name("key"), SQLDataType.VARCHAR(255).nullable(false));
        public final TableField<Record, String> TASK_TYPE = createField(DSL.name("task_type"), SQLDataType.VARCHAR(255));
        public final TableField<Record, String> DESCRIPTION = createField(DSL.name("description"), SQLDataType.CLOB);
        public final TableField<Record, Integer> VERSION = createField(DSL.name("version"), SQLDataType.INTEGER.nullable(false));
        public final TableField<Record, String> VERSION_NAME = createField(DSL.name("version_name"), SQLDataType.VARCHAR(255));
        public final TableField<Record, String> URI = createField(DSL.name("uri"), SQLDataType.VARCHAR(255));
        public final TableField<Record, Long> CATEGORY_MAP_ID = createField(DSL.name("category_map_id"), SQLDataType.BIGINT);

        private MlAlgorithm(Name name, Table<Record> aliased) {
            super(name, aliased);
        }

        @Override
        MlAlgorithm alias(Name alias) {
            return new MlAlgorithm(alias, this);
        }
    }
}
