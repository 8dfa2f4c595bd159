package dev.authfeedback.adapter.postgres;

import dev.authfeedback.domain.port.out.RiskModelStore;
import dev.authfeedback.domain.risk.ContextFeatures;
import dev.authfeedback.domain.risk.PoolStatistics;
import dev.authfeedback.domain.risk.RiskFeature;
import dev.authfeedback.domain.risk.RiskLesson;
import dev.authfeedback.domain.risk.RiskProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The risk model in {@code user_risk_profiles} and {@code pool_risk_counts}. {@link #learn} is how
 * the event store applies a lesson inside its own transaction.
 */
final class PostgresRiskModelStore implements RiskModelStore {

    /** Rows per pool figure: concurrent writers land on different rows most of the time. */
    static final int SHARDS = 16;
    private static final long TOTAL_KEY = 0;
    private static final RiskFeature[] FEATURES = RiskFeature.values();

    private final Jdbc jdbc;

    PostgresRiskModelStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RiskProfile profile(String poolId, String userSub) {
        return jdbc.queryOne("read risk profile",
                "SELECT profile FROM user_risk_profiles WHERE pool_id = ? AND user_sub = ?", statement -> {
                    statement.setString(1, poolId);
                    statement.setString(2, userSub);
                }, PostgresRiskModelStore::profile).orElse(RiskProfile.EMPTY);
    }

    @Override
    public PoolStatistics statistics(String poolId, ContextFeatures context) {
        List<long[]> wanted = new ArrayList<>();
        for (RiskFeature feature : FEATURES) {
            long key = context.key(feature);
            if (key != 0) {
                wanted.add(new long[] {feature.ordinal(), key});
                wanted.add(new long[] {feature.ordinal(), TOTAL_KEY});
            }
        }
        if (wanted.isEmpty()) {
            return PoolStatistics.EMPTY;
        }
        StringBuilder sql = new StringBuilder("SELECT feature, value_key, sum(seen), sum(reports) FROM pool_risk_counts "
                + "WHERE pool_id = ? AND (feature, value_key) IN (");
        for (int i = 0; i < wanted.size(); i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        sql.append(") GROUP BY feature, value_key");
        long[] totals = new long[FEATURES.length];
        long[] seen = new long[FEATURES.length];
        long[] reports = new long[FEATURES.length];
        jdbc.query("read pool risk figures", sql.toString(), statement -> {
            statement.setString(1, poolId);
            int index = 2;
            for (long[] featureAndKey : wanted) {
                statement.setShort(index++, (short) featureAndKey[0]);
                statement.setLong(index++, featureAndKey[1]);
            }
        }, row -> {
            int feature = row.getShort(1);
            if (row.getLong(2) == TOTAL_KEY) {
                totals[feature] = row.getLong(3);
            } else {
                seen[feature] = row.getLong(3);
                reports[feature] = Math.max(0, row.getLong(4));
            }
            return null;
        });
        return new PoolStatistics(totals, seen, reports);
    }

    /** Applies {@code lesson} to the user's profile and the pool's figures on the caller's transaction. */
    static void learn(Connection connection, String poolId, String userSub, RiskLesson lesson) throws SQLException {
        if (learnProfile(connection, poolId, userSub, lesson)) {
            addToPoolFigures(connection, poolId, List.of(lesson));
        }
    }

    /**
     * Applies {@code lesson} to the user's profile only; answers whether the pool's figures have
     * anything to learn from it ({@link #addToPoolFigures}, which a transaction doing several lessons
     * calls once, last).
     */
    static boolean learnProfile(Connection connection, String poolId, String userSub, RiskLesson lesson)
            throws SQLException {
        if (lesson.isEmpty()) {
            return false;
        }
        // inserting or touching the row locks it until commit, so concurrent lessons queue per user
        RiskProfile current = Jdbc.query(connection, "INSERT INTO user_risk_profiles (pool_id, user_sub, profile) "
                + "VALUES (?, ?, NULL) ON CONFLICT (pool_id, user_sub) DO UPDATE SET pool_id = excluded.pool_id "
                + "RETURNING profile", statement -> {
                    statement.setString(1, poolId);
                    statement.setString(2, userSub);
                }, PostgresRiskModelStore::profile).get(0);
        RiskProfile learnt = current.learn(lesson);
        Jdbc.update(connection, "UPDATE user_risk_profiles SET profile = ? WHERE pool_id = ? AND user_sub = ?",
                statement -> {
                    statement.setBytes(1, learnt.toBytes());
                    statement.setString(2, poolId);
                    statement.setString(3, userSub);
                });
        return lesson.seen() != 0 || lesson.reports() != 0;
    }

    /** Adds the lessons' counts to the pool's figures in one statement, on one shard picked at random. */
    static void addToPoolFigures(Connection connection, String poolId, List<RiskLesson> lessons) throws SQLException {
        // summed per feature value, in one order for every writer, so two transactions never wait on
        // each other's rows in a cycle
        TreeMap<List<Long>, long[]> rows = new TreeMap<>(Comparator.<List<Long>>comparingLong(row -> row.get(0))
                .thenComparingLong(row -> row.get(1)));
        for (RiskLesson lesson : lessons) {
            if (lesson.seen() == 0 && lesson.reports() == 0) {
                continue;
            }
            for (RiskFeature feature : FEATURES) {
                long key = lesson.features().key(feature);
                if (key == 0) {
                    continue;
                }
                add(rows, feature.ordinal(), key, lesson.seen(), lesson.reports());
                if (lesson.seen() != 0) {
                    add(rows, feature.ordinal(), TOTAL_KEY, lesson.seen(), 0);
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO pool_risk_counts (pool_id, feature, value_key, shard, seen, "
                + "reports) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
        }
        sql.append(" ON CONFLICT (pool_id, feature, value_key, shard) DO UPDATE SET "
                + "seen = pool_risk_counts.seen + excluded.seen, reports = pool_risk_counts.reports + excluded.reports");
        short shard = (short) ThreadLocalRandom.current().nextInt(SHARDS);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Map.Entry<List<Long>, long[]> row : rows.entrySet()) {
                statement.setString(index++, poolId);
                statement.setShort(index++, row.getKey().get(0).shortValue());
                statement.setLong(index++, row.getKey().get(1));
                statement.setShort(index++, shard);
                statement.setLong(index++, row.getValue()[0]);
                statement.setLong(index++, row.getValue()[1]);
            }
            statement.executeUpdate();
        }
    }

    private static void add(Map<List<Long>, long[]> rows, long feature, long key, long seen, long reports) {
        long[] counts = rows.computeIfAbsent(List.of(feature, key), k -> new long[2]);
        counts[0] += seen;
        counts[1] += reports;
    }

    private static RiskProfile profile(ResultSet row) throws SQLException {
        byte[] bytes = row.getBytes(1);
        return bytes == null ? RiskProfile.EMPTY : RiskProfile.fromBytes(bytes);
    }
}
