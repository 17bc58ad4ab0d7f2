package dev.ferry.bench.page;

import java.util.List;
import javax.sql.DataSource;

/** The strategies of the page comparison, by name, in the order the tables show them. */
public final class Strategies {

    public static final List<String> ALL = List.of("ferry", "ferry-reused", "ferry-peers", "ferry-one", "jdbc", "hibernate",
            "jooq-multiset");

    private Strategies() {
    }

    public static PageStrategy create(String name, DataSource dataSource) {
        return switch (name) {
            case "ferry" -> FerryStrategy.explicit(dataSource);
            case "ferry-reused" -> FerryStrategy.reused(dataSource);
            case "ferry-peers" -> FerryStrategy.peers(dataSource);
            case "ferry-one" -> FerryStrategy.one(dataSource);
            case "jdbc" -> new JdbcStrategy(dataSource);
            case "hibernate" -> new dev.ferry.bench.page.hibernate.HibernateStrategy(dataSource);
            case "jooq-multiset" -> new dev.ferry.bench.page.jooq.JooqStrategy(dataSource);
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "'; one of " + ALL);
        };
    }
}
