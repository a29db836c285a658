package fr.opendmp.core.outbox;

import fr.opendmp.core.outbox.internal.ItemCodec;
import fr.opendmp.core.outbox.internal.SimplePool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The outbox's store on JDBC: an embedded H2 file by default ({@link #h2(Path)}, no setup), or
 * PostgreSQL for a DPI that runs several nodes ({@link #open(DataSource)}): the workers of several
 * JVMs share one queue, a worker claims items with {@code SELECT … FOR UPDATE SKIP LOCKED} and holds
 * them under a lease that ends at a given time, so that an item is sent by one worker at a time and
 * taken again only when its holder died.
 *
 * <p>The schema is created and migrated by Flyway (history table {@code opendmp_outbox_schema_history},
 * scripts {@code db/opendmp-outbox/{h2,postgresql}}), so it lives beside the application's own
 * tables without touching them. Flyway, H2 and the PostgreSQL driver are optional dependencies of
 * sdk-core: add those you use.
 *
 * <p>Thread-safe. The database holds identities and documents: protect it as the patient file it is.
 */
public final class JdbcOutboxStore implements OutboxStore {

    private static final String TABLE = "opendmp_outbox_item";
    private static final String COLUMNS = "unique_id, structure_id, local_patient_id, state, reason, note, "
            + "patient_json, metadata_json, content, content_sha256, renderer, rendered, attempts, created_at, "
            + "updated_at, next_attempt_at, receipt, lease_owner, lease_until, version";
    private static final String SENDABLE = "state IN ('READY','RETRY_SCHEDULED','WAITING_AUTHORIZATION')";

    private final DataSource dataSource;
    private final Optional<SimplePool> ownPool;
    private final boolean postgres;

    private JdbcOutboxStore(DataSource dataSource, Optional<SimplePool> ownPool) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (product.contains("postgres")) {
                postgres = true;
            } else if (product.contains("h2")) {
                postgres = false;
            } else {
                throw new OutboxException("the outbox store runs on H2 or PostgreSQL, not on " + product, false, null);
            }
        } catch (SQLException e) {
            throw failure("cannot connect to the outbox database", e);
        }
        migrate();
    }

    /**
     * The embedded default: an H2 database in {@code directory} (created if needed), file mode.
     *
     * @param directory where the database files live (one JVM at a time opens them)
     * @return the store, its schema migrated
     */
    public static JdbcOutboxStore h2(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new OutboxException("cannot create the outbox directory", false, e);
        }
        // WRITE_DELAY=0: each commit is written to the file before it returns, so that a process
        // killed right after enqueue() or after an outcome loses nothing (H2 otherwise waits 500 ms)
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("outbox").toString().replace('\\', '/')
                + ";WRITE_DELAY=0";
        return open(url, "sa", "", 4);
    }

    /**
     * A store on a JDBC URL, with a small pool of its own.
     *
     * @param url the JDBC URL ({@code jdbc:postgresql://…} or {@code jdbc:h2:…}; never printed)
     * @param user the user
     * @param password the password
     * @param maxConnections the most connections open at once (at least 1)
     * @return the store, its schema migrated
     */
    public static JdbcOutboxStore open(String url, String user, String password, int maxConnections) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        SimplePool pool = new SimplePool(url, user, password, maxConnections);
        try {
            return new JdbcOutboxStore(pool, Optional.of(pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * A store on the application's own data source (its pool). {@link #close()} leaves it open.
     *
     * @param dataSource an H2 or PostgreSQL data source
     * @return the store, its schema migrated
     */
    public static JdbcOutboxStore open(DataSource dataSource) {
        return new JdbcOutboxStore(Objects.requireNonNull(dataSource, "dataSource"), Optional.empty());
    }

    /** @return whether this store runs on PostgreSQL (else H2) */
    public boolean postgres() {
        return postgres;
    }

    private void migrate() {
        try {
            Flyway.configure(JdbcOutboxStore.class.getClassLoader()).dataSource(dataSource)
                    .locations("classpath:db/opendmp-outbox/" + (postgres ? "postgresql" : "h2"))
                    .table("opendmp_outbox_schema_history").baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
        } catch (RuntimeException e) {
            throw new OutboxException("the outbox schema migration failed (" + e.getClass().getSimpleName() + ")",
                    false, e);
        }
    }

    @Override
    public OutboxItem insert(OutboxItem item) {
        Objects.requireNonNull(item, "item");
        String sha = sha256(item.content());
        try (Connection c = dataSource.getConnection()) {
            String sql = postgres
                    ? "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                            + " ON CONFLICT (unique_id) DO NOTHING"
                    : "MERGE INTO " + TABLE + " t USING (VALUES (CAST(? AS VARCHAR(256)))) s(u) ON t.unique_id = s.u"
                            + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (!postgres) {
                    ps.setString(i++, item.uniqueId());
                }
                ps.setString(i++, item.uniqueId());
                ps.setString(i++, item.structureId());
                ps.setString(i++, item.localPatientId());
                ps.setString(i++, item.state().name());
                setOpt(ps, i++, item.reason());
                setOpt(ps, i++, item.note().map(JdbcOutboxStore::clip));
                ps.setString(i++, ItemCodec.identity(item.patient()));
                ps.setString(i++, ItemCodec.metadata(item.metadata()));
                ps.setBytes(i++, item.content());
                ps.setString(i++, sha);
                setOpt(ps, i++, item.renderer());
                ps.setBoolean(i++, item.rendered());
                ps.setInt(i++, item.attempts());
                ps.setLong(i++, item.createdAt().toEpochMilli());
                ps.setLong(i++, item.updatedAt().toEpochMilli());
                ps.setLong(i++, item.nextAttemptAt().toEpochMilli());
                setOpt(ps, i++, item.receipt());
                ps.setNull(i++, Types.VARCHAR);
                ps.setNull(i++, Types.BIGINT);
                ps.setLong(i, 0L);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT content_sha256, renderer, rendered FROM " + TABLE
                    + " WHERE unique_id = ?")) {
                ps.setString(1, item.uniqueId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    // once a renderer made the document, the stored bytes are no longer the source queued
                    boolean renderedSinceQueued = rs.getString(2) != null && rs.getBoolean(3);
                    if (!rs.getString(1).equals(sha) && !(renderedSinceQueued
                            && item.renderer().equals(Optional.ofNullable(rs.getString(2))))) {
                        throw new OutboxException("document " + item.uniqueId()
                                + " was already queued with other content: a new version needs a new uniqueId",
                                false, null);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("cannot store outbox item " + item.uniqueId(), e);
        }
        return find(item.uniqueId()).orElseThrow();
    }

    @Override
    public Optional<OutboxItem> find(String uniqueId) {
        List<OutboxItem> found = query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE unique_id = ?",
                ps -> ps.setString(1, uniqueId));
        return found.stream().findFirst();
    }

    @Override
    public List<OutboxItem> byPatient(String localPatientId) {
        return query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE local_patient_id = ? ORDER BY created_at, unique_id",
                ps -> ps.setString(1, localPatientId));
    }

    @Override
    public List<OutboxItem> list(Set<OutboxState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE state IN (" + in + ") ORDER BY created_at, unique_id",
                ps -> { });
    }

    @Override
    public List<OutboxItem> claim(Instant now, int max, String owner, Instant leaseUntil) {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String select = "SELECT unique_id FROM " + TABLE + " WHERE " + SENDABLE + " AND next_attempt_at <= ?"
                        + " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at, created_at"
                        + " LIMIT ? FOR UPDATE" + (postgres ? " SKIP LOCKED" : "");
                try (PreparedStatement ps = c.prepareStatement(select)) {
                    ps.setLong(1, now.toEpochMilli());
                    ps.setLong(2, now.toEpochMilli());
                    ps.setInt(3, max);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
                List<String> claimed = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET lease_owner = ?, lease_until = ?,"
                        + " attempts = attempts + 1, version = version + 1 WHERE unique_id = ? AND " + SENDABLE
                        + " AND (lease_until IS NULL OR lease_until <= ?)")) {
                    for (String id : ids) {
                        ps.setString(1, owner);
                        ps.setLong(2, leaseUntil.toEpochMilli());
                        ps.setString(3, id);
                        ps.setLong(4, now.toEpochMilli());
                        if (ps.executeUpdate() == 1) {
                            claimed.add(id);
                        }
                    }
                }
                c.commit();
                ids = claimed;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("cannot claim outbox items", e);
        }
        List<OutboxItem> items = new ArrayList<>();
        for (String id : ids) {
            find(id).filter(i -> i.leaseOwner().equals(Optional.of(owner))).ifPresent(items::add);
        }
        return items;
    }

    @Override
    public boolean writeLeased(OutboxItem item, String owner, boolean release) {
        return write(item, " AND lease_owner = ?", ps -> ps.setString(1, owner), release);
    }

    @Override
    public boolean update(OutboxItem item, Instant now) {
        return write(item, " AND version = ? AND (lease_until IS NULL OR lease_until <= ?)", ps -> {
            ps.setLong(1, item.version());
            ps.setLong(2, now.toEpochMilli());
        }, true);
    }

    private boolean write(OutboxItem item, String guard, Binder guardBinder, boolean release) {
        String sql = "UPDATE " + TABLE + " SET state = ?, reason = ?, note = ?, patient_json = ?, metadata_json = ?,"
                + " content = ?, content_sha256 = ?, rendered = ?, updated_at = ?, next_attempt_at = ?, receipt = ?,"
                + (release ? " lease_owner = NULL, lease_until = NULL," : "")
                + " version = version + 1 WHERE unique_id = ?" + guard;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, item.state().name());
            setOpt(ps, i++, item.reason());
            setOpt(ps, i++, item.note().map(JdbcOutboxStore::clip));
            ps.setString(i++, ItemCodec.identity(item.patient()));
            ps.setString(i++, ItemCodec.metadata(item.metadata()));
            byte[] content = item.content();
            ps.setBytes(i++, content);
            ps.setString(i++, sha256(content));
            ps.setBoolean(i++, item.rendered());
            ps.setLong(i++, item.updatedAt().toEpochMilli());
            ps.setLong(i++, item.nextAttemptAt().toEpochMilli());
            setOpt(ps, i++, item.receipt());
            ps.setString(i++, item.uniqueId());
            int base = i - 1;
            guardBinder.bind(new OffsetStatement(ps, base));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("cannot write outbox item " + item.uniqueId(), e);
        }
    }

    @Override
    public int purgeSent(Instant before) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE
                        + " WHERE state = 'SENT' AND updated_at < ?")) {
            ps.setLong(1, before.toEpochMilli());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot purge sent outbox items", e);
        }
    }

    @Override
    public void close() {
        ownPool.ifPresent(SimplePool::close);
    }

    @Override
    public String toString() {
        return "JdbcOutboxStore[" + (postgres ? "PostgreSQL" : "H2") + "]";
    }

    private List<OutboxItem> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(new OffsetStatement(ps, 0));
            List<OutboxItem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read the outbox", e);
        }
    }

    private static OutboxItem read(ResultSet rs) throws SQLException {
        long leaseUntil = rs.getLong("lease_until");
        boolean leased = !rs.wasNull();
        return new OutboxItem(rs.getString("unique_id"), rs.getString("structure_id"),
                rs.getString("local_patient_id"), OutboxState.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("reason")), Optional.ofNullable(rs.getString("note")),
                ItemCodec.identity(rs.getString("patient_json")), ItemCodec.metadata(rs.getString("metadata_json")),
                rs.getBytes("content"), Optional.ofNullable(rs.getString("renderer")), rs.getBoolean("rendered"),
                rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")), Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                Optional.ofNullable(rs.getString("receipt")), Optional.ofNullable(rs.getString("lease_owner")),
                leased ? Optional.of(Instant.ofEpochMilli(leaseUntil)) : Optional.empty(), rs.getLong("version"));
    }

    private static void setOpt(PreparedStatement ps, int i, Optional<String> v) throws SQLException {
        if (v.isPresent()) {
            ps.setString(i, v.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    private static String clip(String note) {
        return note.length() <= 2000 ? note : note.substring(0, 2000);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutboxException failure(String message, SQLException e) {
        // SQL states 08xxx (connection) and 40xxx (rollback, serialization) may pass when tried again
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return new OutboxException(message + " (SQL state " + state + ")",
                state.startsWith("08") || state.startsWith("40"), e);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(OffsetStatement ps) throws SQLException;
    }

    /** Binds guard parameters after the ones already set. */
    private record OffsetStatement(PreparedStatement ps, int offset) {
        void setString(int i, String v) throws SQLException {
            ps.setString(offset + i, v);
        }

        void setLong(int i, long v) throws SQLException {
            ps.setLong(offset + i, v);
        }
    }
}
