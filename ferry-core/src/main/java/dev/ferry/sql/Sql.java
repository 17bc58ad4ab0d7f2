package dev.ferry.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A statement's text (with {@code ?} placeholders, identical for every query of the same shape) and its values. */
public record Sql(String text, List<Object> params) {

    public Sql {
        params = List.copyOf(params);
    }

    /** Binds every parameter, arrays through the dialect. */
    public void bind(PreparedStatement ps, Dialect dialect) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            dialect.bind(ps, i + 1, params.get(i));
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
