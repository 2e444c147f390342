package coach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the tests use when {@code COACH_TEST_PG_URL} is set ({@code .ci/run} starts one):
 * a fresh schema per test class, and the URL that works in it.
 */
public record TestPg(String url, String user, String password) {

    /** Drops and re-creates {@code schema} on the test server; the returned URL selects it. */
    public static TestPg freshSchema(String schema) throws SQLException {
        String base = System.getenv("COACH_TEST_PG_URL");
        String user = System.getenv("COACH_TEST_PG_USER");
        String password = System.getenv("COACH_TEST_PG_PASSWORD");
        try (Connection c = DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        }
        return new TestPg(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }
}
