package io.signet.organization.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import io.signet.organization.Organizations;
import io.signet.organization.Plan;

/**
 * On the first start of an empty installation, creates an organisation and its owner so that someone
 * can sign in. With no configured password, a generated one is logged once: the only secret Signet
 * ever logs, on purpose, because there is no other way to hand it over.
 */
@Component
@Order(0)
class BootstrapOrganization implements ApplicationRunner {

    @ConfigurationProperties("signet.bootstrap")
    record Settings(String adminEmail, String adminPassword, String organizationName, String plan) {
        Settings {
            adminEmail = blank(adminEmail) ? "admin@example.com" : adminEmail.trim();
            organizationName = blank(organizationName) ? "My organisation" : organizationName.trim();
            plan = blank(plan) ? Plan.BUSINESS.code() : plan;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BootstrapOrganization.class);

    private final Organizations organizations;
    private final Settings settings;

    BootstrapOrganization(Organizations organizations, Settings settings) {
        this.organizations = organizations;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organizations.anyExists()) {
            return;
        }
        boolean generated = settings.adminPassword() == null || settings.adminPassword().isBlank();
        String password = generated ? generatePassword() : settings.adminPassword();
        try {
            organizations.create(settings.organizationName(), Plan.fromCode(settings.plan()), settings.adminEmail(),
                    password);
        } catch (DuplicateKeyException | io.signet.web.ApiProblem e) {
            log.info("Another instance created the first organisation at the same time; nothing to do.");
            return;
        }
        if (generated) {
            log.warn("""

                    ==========================================================================
                     Signet created the organisation "{}" with the owner {}
                     Generated password (shown only this once): {}
                     Sign in with these, then change the password, or set
                     SIGNET_BOOTSTRAP_ADMIN_EMAIL / SIGNET_BOOTSTRAP_ADMIN_PASSWORD next time.
                    ==========================================================================""",
                    settings.organizationName(), settings.adminEmail(), password);
        } else {
            log.info("Signet created the organisation \"{}\" with the owner {} (password from configuration).",
                    settings.organizationName(), settings.adminEmail());
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
