package io.signet.signature.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.signet.signature.SignatureSettings;

/** The organisation's signature branding: one row per organisation, absent until first saved. */
@Repository
public class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SignatureSettings> find(UUID orgId) {
        return jdbc.sql("SELECT * FROM signature_settings WHERE org_id = :orgId").param("orgId", orgId)
                .query((rs, row) -> new SignatureSettings(rs.getString("company_name"), rs.getString("website"),
                        rs.getObject("logo_asset_id", UUID.class), rs.getObject("banner_asset_id", UUID.class),
                        rs.getString("banner_link")))
                .optional();
    }

    public void save(UUID orgId, SignatureSettings settings, Instant now) {
        int updated = jdbc.sql("""
                UPDATE signature_settings SET company_name = :companyName, website = :website,
                  logo_asset_id = :logo, banner_asset_id = :banner, banner_link = :bannerLink, updated_at = :now
                WHERE org_id = :orgId""").params(params(orgId, settings, now)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO signature_settings (org_id, company_name, website, logo_asset_id, banner_asset_id,
                      banner_link, updated_at)
                    VALUES (:orgId, :companyName, :website, :logo, :banner, :bannerLink, :now)""")
                    .params(params(orgId, settings, now)).update();
        }
    }

    private static java.util.Map<String, Object> params(UUID orgId, SignatureSettings s, Instant now) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("orgId", orgId);
        p.put("companyName", s.companyName());
        p.put("website", s.website());
        p.put("logo", s.logoAssetId());
        p.put("banner", s.bannerAssetId());
        p.put("bannerLink", s.bannerLink());
        p.put("now", Timestamp.from(now));
        return p;
    }
}
