package io.signet.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.organization.Organization;
import io.signet.organization.Plan;

@Repository
public class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Organization org) {
        jdbc.sql("""
                INSERT INTO organization (id, name, plan, seat_limit, time_zone, created_at)
                VALUES (:id, :name, :plan, :seatLimit, :timeZone, :createdAt)""")
                .param("id", org.id()).param("name", org.name()).param("plan", org.plan().code())
                .param("seatLimit", org.seatLimit()).param("timeZone", org.timeZone())
                .param("createdAt", Timestamp.from(org.createdAt()))
                .update();
    }

    public Optional<Organization> findById(UUID id) {
        return jdbc.sql("SELECT * FROM organization WHERE id = :id").param("id", id)
                .query(OrganizationRepository::map).optional();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM organization").query(Long.class).single();
    }

    public void update(UUID id, String name, String timeZone) {
        jdbc.sql("UPDATE organization SET name = :name, time_zone = :timeZone WHERE id = :id")
                .param("id", id).param("name", name).param("timeZone", timeZone).update();
    }

    private static Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(rs.getObject("id", UUID.class), rs.getString("name"),
                Plan.fromCode(rs.getString("plan")), rs.getInt("seat_limit"), rs.getString("time_zone"),
                rs.getTimestamp("created_at").toInstant());
    }
}
