package dev.ferry.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with its parameters in textual order; fragments concatenate with their parameters. The
 * unit dialects render into.
 */
public final class Fragment {
    final StringBuilder text = new StringBuilder(64);
    final List<Object> params = new ArrayList<>();

    public Fragment sql(String s) {
        text.append(s);
        return this;
    }

    public Fragment param(Object value) {
        text.append('?');
        params.add(value);
        return this;
    }

    public Fragment append(Fragment other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    public boolean isEmpty() {
        return text.length() == 0;
    }

    public Sql toSql() {
        return new Sql(text.toString(), params);
    }
}
