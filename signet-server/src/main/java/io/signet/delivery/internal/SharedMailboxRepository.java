package io.signet.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.delivery.SharedMailbox;
import io.signet.directory.FieldContract;

/** The organisation's shared mailboxes; addresses compared ignoring case through {@code address_normalized}. */
@Repository
public class SharedMailboxRepository {

    private static final String SELECT = "SELECT * FROM shared_mailbox";

    private final JdbcClient jdbc;

    SharedMailboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SharedMailbox> findById(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE org_id = :orgId AND id = :id").param("orgId", orgId).param("id", id)
                .query(SharedMailboxRepository::map).optional();
    }

    /** The mailbox with this address (as {@link FieldContract#key}), if registered. */
    public Optional<SharedMailbox> findByAddress(UUID orgId, String addressKey) {
        return jdbc.sql(SELECT + " WHERE org_id = :orgId AND address_normalized = :address")
                .param("orgId", orgId).param("address", addressKey).query(SharedMailboxRepository::map).optional();
    }

    public List<SharedMailbox> page(UUID orgId, int page, int size) {
        return jdbc.sql(SELECT + " WHERE org_id = :orgId ORDER BY address_normalized, id LIMIT :size OFFSET :offset")
                .param("orgId", orgId).param("size", size).param("offset", (long) page * size)
                .query(SharedMailboxRepository::map).list();
    }

    public long count(UUID orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM shared_mailbox WHERE org_id = :orgId").param("orgId", orgId)
                .query(Long.class).single();
    }

    public void insert(UUID orgId, UUID id, SharedMailbox.Values v, Instant now) {
        bind(jdbc.sql("""
                INSERT INTO shared_mailbox (id, org_id, address, address_normalized, display_name, company, department,
                  business_phone, website, street, postal_code, city, country, new_template_id, reply_template_id,
                  created_at, updated_at)
                VALUES (:id, :orgId, :address, :addressNormalized, :displayName, :company, :department, :businessPhone,
                  :website, :street, :postalCode, :city, :country, :newTemplateId, :replyTemplateId, :now, :now)"""),
                orgId, id, v, now).update();
    }

    public boolean update(UUID orgId, UUID id, SharedMailbox.Values v, Instant now) {
        return bind(jdbc.sql("""
                UPDATE shared_mailbox SET address = :address, address_normalized = :addressNormalized,
                  display_name = :displayName, company = :company, department = :department,
                  business_phone = :businessPhone, website = :website, street = :street, postal_code = :postalCode,
                  city = :city, country = :country, new_template_id = :newTemplateId,
                  reply_template_id = :replyTemplateId, updated_at = :now
                WHERE org_id = :orgId AND id = :id"""), orgId, id, v, now).update() > 0;
    }

    public boolean delete(UUID orgId, UUID id) {
        return jdbc.sql("DELETE FROM shared_mailbox WHERE org_id = :orgId AND id = :id").param("orgId", orgId)
                .param("id", id).update() > 0;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, UUID orgId, UUID id,
            SharedMailbox.Values v, Instant now) {
        return sql.param("id", id).param("orgId", orgId).param("address", v.address())
                .param("addressNormalized", FieldContract.key(v.address())).param("displayName", v.displayName())
                .param("company", v.company()).param("department", v.department())
                .param("businessPhone", v.businessPhone()).param("website", v.website()).param("street", v.street())
                .param("postalCode", v.postalCode()).param("city", v.city()).param("country", v.country())
                .param("newTemplateId", v.newTemplateId()).param("replyTemplateId", v.replyTemplateId())
                .param("now", Timestamp.from(now));
    }

    private static SharedMailbox map(ResultSet rs, int row) throws SQLException {
        return new SharedMailbox(rs.getObject("id", UUID.class), new SharedMailbox.Values(rs.getString("address"),
                rs.getString("display_name"), rs.getString("company"), rs.getString("department"),
                rs.getString("business_phone"), rs.getString("website"), rs.getString("street"),
                rs.getString("postal_code"), rs.getString("city"), rs.getString("country"),
                rs.getObject("new_template_id", UUID.class), rs.getObject("reply_template_id", UUID.class)),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
