package dev.ferry.exec;

import java.sql.Connection;
import java.sql.SQLException;

/** Where statements get their connection: a pool, or the one connection of a transaction. */
public interface ConnectionSource {
    Connection acquire() throws SQLException;

    /** Gives the connection back (closes a pooled one; keeps a transaction's open). */
    void release(Connection connection) throws SQLException;
}
